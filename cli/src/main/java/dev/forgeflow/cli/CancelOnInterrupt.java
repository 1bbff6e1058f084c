package dev.forgeflow.cli;

import dev.forgeflow.orchestrator.runs.Runs;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Ctrl-C (or a TERM) cancels the run instead of abandoning it: with the stack still up, Temporal is
 * asked to cancel the workflow, and the journal is read until it says the run was cancelled (the
 * main thread may be waiting for an answer at the terminal); then the stack closes.
 */
final class CancelOnInterrupt {
  private static final Duration CANCEL_WAIT = Duration.ofSeconds(30);

  private CancelOnInterrupt() {}

  static void install(
      LocalStack stack, Runs runs, String runId, RunFollower follower, PrintStream out) {
    stack.onInterrupt(
        () -> {
          if (!follower.ended()) {
            out.println();
            out.println("forgeflow · interrupted: cancelling run " + runId + "…");
            runs.cancel(runId);
            follower.reportEnd(follower.awaitEndEvent(runId, CANCEL_WAIT));
          }
        });
  }
}
