package dev.forgeflow.store.webhooks;

/** What a delivery needs of a webhook: where it goes and the secret that signs it. */
public record WebhookTarget(Webhook webhook, String secret) {}
