package dev.forgeflow.store.webhooks;

import java.time.OffsetDateTime;

/** A URL a project's run endings are POSTed to, without its secret. */
public record Webhook(
    String id, String projectId, String url, OffsetDateTime createdAt, boolean active) {}
