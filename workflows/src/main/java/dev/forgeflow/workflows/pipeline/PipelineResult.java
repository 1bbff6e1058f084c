package dev.forgeflow.workflows.pipeline;

import dev.forgeflow.workflows.artifacts.Usage;

/** The summary of a finished run; {@code deploymentUrl} is null unless the run deployed. */
public record PipelineResult(
    Outcome outcome,
    String projectName,
    String bundleId,
    int bundleVersion,
    int fileCount,
    int rounds,
    int blockingIssues,
    Usage usage,
    String verdict,
    String deploymentUrl) {

  public PipelineResult withDeploymentUrl(String url) {
    return new PipelineResult(
        outcome,
        projectName,
        bundleId,
        bundleVersion,
        fileCount,
        rounds,
        blockingIssues,
        usage,
        verdict,
        url);
  }

  public PipelineResult withVerdict(String newVerdict) {
    return new PipelineResult(
        outcome,
        projectName,
        bundleId,
        bundleVersion,
        fileCount,
        rounds,
        blockingIssues,
        usage,
        newVerdict,
        deploymentUrl);
  }
}
