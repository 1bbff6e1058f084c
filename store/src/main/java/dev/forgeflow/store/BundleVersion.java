package dev.forgeflow.store;

import java.time.OffsetDateTime;

/**
 * One version of a run's code bundle.
 *
 * @param version 1 for the run's first bundle, then 2, 3 ...
 * @param fileCount how many files the version holds
 * @param createdAt when the version was made
 */
public record BundleVersion(
    String id, String runId, int version, int fileCount, OffsetDateTime createdAt) {}
