package dev.forgeflow.orchestrator.runs;

import dev.forgeflow.workflows.pipeline.PipelineOptions;

/** What a client asks for: a prompt and the run's options. */
public record RunRequest(String prompt, PipelineOptions options) {
  /** Longer prompts are refused before any run is created. */
  public static final int MAX_PROMPT_CHARS = 20_000;
}
