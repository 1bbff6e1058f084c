package dev.forgeflow.workflows.sandbox;

/**
 * A run asking for a Docker host.
 *
 * @param runId the run
 * @param previousHost the host it leaves because that host stopped answering; null at first
 */
public record PlacementInput(String runId, String previousHost) {}
