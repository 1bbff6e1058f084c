package dev.forgeflow.workflows.webhooks;

import java.util.List;

/** The run's project (null for a run in none) and the ids of its active webhooks. */
public record WebhookTargets(String projectId, List<String> webhookIds) {}
