package dev.forgeflow.workflows.pipeline;

import dev.forgeflow.workflows.artifacts.Usage;

/** The summary of a finished run. */
public record PipelineResult(
    Outcome outcome,
    String projectName,
    String bundleId,
    int bundleVersion,
    int fileCount,
    int rounds,
    int blockingIssues,
    Usage usage,
    String verdict) {}
