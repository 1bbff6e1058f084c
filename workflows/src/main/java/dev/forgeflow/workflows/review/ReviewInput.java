package dev.forgeflow.workflows.review;

import dev.forgeflow.workflows.sandbox.TestReport;

/**
 * The bundle version to review, in round {@code round} (1-based), with the sandbox's test report of
 * that version (null when the sandbox is off).
 */
public record ReviewInput(
    String runId,
    String charterId,
    String architectureId,
    String bundleId,
    int round,
    String model,
    TestReport tests) {}
