package dev.forgeflow.store.webhooks;

/** A webhook just registered, with the secret that signs its deliveries: shown this once. */
public record CreatedWebhook(Webhook webhook, String secret) {}
