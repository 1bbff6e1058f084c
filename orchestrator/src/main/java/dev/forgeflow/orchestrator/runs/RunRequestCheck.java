package dev.forgeflow.orchestrator.runs;

import dev.forgeflow.workflows.pipeline.PipelineOptions;
import java.util.Optional;

/** Says what is wrong with a request before anything is stored or started. */
public final class RunRequestCheck {
  private RunRequestCheck() {}

  public static Optional<String> problem(RunRequest request) {
    String prompt = request.prompt();
    if (prompt == null || prompt.isBlank()) {
      return Optional.of("the prompt is empty: describe the service to build");
    }
    if (prompt.length() > RunRequest.MAX_PROMPT_CHARS) {
      return Optional.of(
          "the prompt has "
              + prompt.length()
              + " characters; at most "
              + RunRequest.MAX_PROMPT_CHARS
              + " are accepted");
    }
    if (prompt.indexOf('\0') >= 0) {
      return Optional.of("the prompt contains a NUL character");
    }
    PipelineOptions options = request.options();
    if (options.maxReviewRounds() < 1 || options.maxReviewRounds() > 10) {
      return Optional.of("max review rounds must be between 1 and 10");
    }
    if (options.implementerConcurrency() < 1 || options.implementerConcurrency() > 32) {
      return Optional.of("implementer concurrency must be between 1 and 32");
    }
    if (!Double.isFinite(options.budgetUsd())) {
      return Optional.of("the cost budget must be a number of US dollars, such as 2.50");
    }
    if (options.budgetTokens() < 0 || options.budgetUsd() < 0) {
      return Optional.of("a budget cannot be negative");
    }
    if (options.approvalTimeout() == null
        || options.approvalTimeout().isNegative()
        || options.approvalTimeout().isZero()) {
      return Optional.of("the approval timeout must be positive");
    }
    return Optional.empty();
  }
}
