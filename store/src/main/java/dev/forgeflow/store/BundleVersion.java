package dev.forgeflow.store;

/**
 * One version of a run's code bundle.
 *
 * @param version 1 for the run's first bundle, then 2, 3 ...
 * @param fileCount how many files the version holds
 */
public record BundleVersion(String id, String runId, int version, int fileCount) {}
