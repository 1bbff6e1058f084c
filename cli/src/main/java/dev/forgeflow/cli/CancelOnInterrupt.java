package dev.forgeflow.cli;

import dev.forgeflow.orchestrator.runs.Runs;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Ctrl-C cancels the run instead of abandoning it: the hook asks Temporal to cancel the workflow,
 * waits until the journal says the run was cancelled (the main thread may be waiting for an answer
 * at the terminal), reports it, and closes the stack so the embedded database stops cleanly before
 * the JVM exits.
 */
final class CancelOnInterrupt {
  private static final Duration CANCEL_WAIT = Duration.ofSeconds(30);
  private final Thread hook;

  private CancelOnInterrupt(
      Runs runs, String runId, RunFollower follower, PrintStream out, LocalStack stack) {
    this.hook =
        new Thread(
            () -> {
              if (!follower.ended()) {
                out.println();
                out.println("forgeflow · interrupted: cancelling run " + runId + "…");
                runs.cancel(runId);
                follower.reportEnd(follower.awaitEndEvent(runId, CANCEL_WAIT));
              }
              stack.close();
            },
            "forgeflow-cancel-on-interrupt");
  }

  static CancelOnInterrupt install(
      Runs runs, String runId, RunFollower follower, PrintStream out, LocalStack stack) {
    CancelOnInterrupt guard = new CancelOnInterrupt(runs, runId, follower, out, stack);
    Runtime.getRuntime().addShutdownHook(guard.hook);
    return guard;
  }

  /** Removes the hook once the run is over and the stack closed; a no-op while shutting down. */
  void release() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running and finishes the job
    }
  }
}
