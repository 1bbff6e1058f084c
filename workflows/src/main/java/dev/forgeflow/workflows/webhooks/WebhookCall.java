package dev.forgeflow.workflows.webhooks;

/**
 * One delivery of a run's end to one webhook; {@code deliveryId} is the same for each of its
 * attempts, so a receiver can tell a retry from a new event.
 */
public record WebhookCall(String webhookId, String deliveryId, String projectId, RunFinished run) {}
