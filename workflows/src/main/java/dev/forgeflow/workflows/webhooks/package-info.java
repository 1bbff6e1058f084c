/** Announcing a run's end to the webhooks its project registered, signed and retried. */
package dev.forgeflow.workflows.webhooks;
