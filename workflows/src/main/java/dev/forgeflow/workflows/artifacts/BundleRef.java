package dev.forgeflow.workflows.artifacts;

/** A stored, content-addressed code bundle version. */
public record BundleRef(String bundleId, int version, int fileCount) {}
