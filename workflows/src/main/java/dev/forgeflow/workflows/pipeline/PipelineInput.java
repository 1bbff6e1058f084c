package dev.forgeflow.workflows.pipeline;

/**
 * A run to execute: its id (also the workflow id), the user's prompt and its options. {@code
 * indexed} says the cluster has the {@link RunSearchAttributes} the workflow keeps current; it is
 * false in inputs recorded before the attributes existed.
 */
public record PipelineInput(String runId, String prompt, PipelineOptions options, boolean indexed) {

  public PipelineInput(String runId, String prompt, PipelineOptions options) {
    this(runId, prompt, options, false);
  }
}
