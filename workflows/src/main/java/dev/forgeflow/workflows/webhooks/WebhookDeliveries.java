package dev.forgeflow.workflows.webhooks;

/** A run's end and the webhooks to tell it to. */
public record WebhookDeliveries(RunFinished run, WebhookTargets targets) {}
