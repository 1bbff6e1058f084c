/** Delivering run endings to projects' webhooks: signed HTTP POSTs, each attempt logged. */
package dev.forgeflow.orchestrator.webhooks;
