package dev.forgeflow.bench.sse;

import dev.forgeflow.store.RunJournal;
import dev.forgeflow.workflows.journal.Fact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends events to runs' journals from this JVM, on a schedule: each tick one event to every run,
 * one after the other, each timed by this JVM's clock. The events are ordinary {@code
 * stage.started} facts, which end no run, so streams stay open.
 */
final class Appender {
  private Appender() {}

  /** The appends made, by run, in seq order. */
  static Map<String, List<Append>> run(
      RunJournal journal, List<String> runs, int events, Duration interval) {
    Map<String, List<Append>> appended = new LinkedHashMap<>();
    runs.forEach(run -> appended.put(run, new ArrayList<>(events)));
    Pacer.run(
        events,
        interval,
        k -> {
          for (String run : runs) {
            String payload = "{\"stage\": \"BENCH\", \"round\": " + (k + 1) + "}";
            long start = System.nanoTime();
            long seq = journal.append(run, Fact.StageStarted.TYPE, payload, 1);
            appended.get(run).add(new Append(seq, start, System.nanoTime()));
          }
        });
    return appended;
  }
}
