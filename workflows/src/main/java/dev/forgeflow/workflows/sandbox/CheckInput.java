package dev.forgeflow.workflows.sandbox;

/** A bundle version to build into a project image and check, in review round {@code round}. */
public record CheckInput(String runId, String bundleId, int round) {}
