package dev.forgeflow.workflows.pipeline;

/** A run to execute: its id (also the workflow id), the user's prompt and its options. */
public record PipelineInput(String runId, String prompt, PipelineOptions options) {}
