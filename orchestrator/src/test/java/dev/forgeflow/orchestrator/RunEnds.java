package dev.forgeflow.orchestrator;

import dev.forgeflow.orchestrator.runs.Runs;
import dev.forgeflow.store.JournalEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Follows a run's journal in a test until the run has ended. */
final class RunEnds {
  private static final Set<String> ENDS = Set.of("run.completed", "run.failed", "run.cancelled");

  private RunEnds() {}

  /** Every event of the run up to and including its end; fails the test after the timeout. */
  static List<JournalEvent> followToEnd(Runs runs, String runId, Duration timeout) {
    List<JournalEvent> events = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    long seq = 0;
    while (System.nanoTime() < deadline) {
      for (JournalEvent event : runs.awaitEvents(runId, seq, Duration.ofSeconds(1))) {
        events.add(event);
        seq = event.seq();
        if (ENDS.contains(event.type())) {
          return events;
        }
      }
    }
    throw new AssertionError("the run did not end in time; events: " + events);
  }

  /** The run's end event. */
  static JournalEvent end(Runs runs, String runId, Duration timeout) {
    List<JournalEvent> events = followToEnd(runs, runId, timeout);
    return events.get(events.size() - 1);
  }
}
