package dev.forgeflow.workflows.retrieval;

/** A run's bundle version to index for code questions. */
public record CodeIndexInput(String runId, String bundleId) {}
