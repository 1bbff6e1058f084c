package dev.forgeflow.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Ctrl-C (or a TERM) cancels the run instead of abandoning it: with the server still up, the run is
 * asked to cancel, and its journal is read until it says the run was cancelled (the main thread may
 * be waiting for an answer at the terminal); then the process ends.
 */
final class CancelOnInterrupt {
  private static final Duration CANCEL_WAIT = Duration.ofSeconds(30);

  private CancelOnInterrupt() {}

  static void install(
      LocalStack stack, RunPort runs, String runId, RunFollower follower, PrintStream out) {
    install(stack::onInterrupt, runs, runId, follower, out);
  }

  static void install(
      Consumer<Runnable> onInterrupt,
      RunPort runs,
      String runId,
      RunFollower follower,
      PrintStream out) {
    onInterrupt.accept(
        () -> {
          if (!follower.ended()) {
            out.println();
            out.println("forgeflow · interrupted: cancelling run " + runId + "…");
            try {
              runs.cancel(runId);
              follower.reportEnd(follower.awaitEndEvent(runId, CANCEL_WAIT));
            } catch (RuntimeException e) {
              out.println("forgeflow · could not cancel run " + runId + ": " + e.getMessage());
            }
          }
        });
  }
}
