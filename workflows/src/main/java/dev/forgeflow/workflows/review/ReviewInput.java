package dev.forgeflow.workflows.review;

/** The bundle version to review, in round {@code round} (1-based). */
public record ReviewInput(
    String runId,
    String charterId,
    String architectureId,
    String bundleId,
    int round,
    String model) {}
