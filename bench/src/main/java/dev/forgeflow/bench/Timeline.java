package dev.forgeflow.bench;

import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.LlmCall;
import io.temporal.api.history.v1.HistoryEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One run's timeline: its Temporal history events, its journal events and the start and end of its
 * model calls, merged in time order, in milliseconds since the client launched it. Shows which step
 * between two model calls takes the time: the activity's own writes, the hand-over through
 * Temporal, or the workflow task with its local activities.
 */
final class Timeline {
  private record Entry(Instant at, String source, String what) {}

  private Timeline() {}

  static void print(PrintStream out, RunTrace trace, List<HistoryEvent> history) {
    List<Entry> entries = new ArrayList<>();
    history.forEach(
        e -> entries.add(new Entry(TimeSplit.instant(e.getEventTime()), "temporal", describe(e))));
    for (JournalEvent event : trace.events()) {
      entries.add(new Entry(event.createdAt().toInstant(), "journal", journal(event)));
    }
    for (LlmCall call : trace.calls()) {
      Instant end = call.at().toInstant();
      entries.add(
          new Entry(end.minusMillis(call.latencyMs()), "model", call.agent() + " call starts"));
      entries.add(
          new Entry(end, "model", call.agent() + " call ends (" + call.latencyMs() + " ms)"));
    }
    entries.sort(Comparator.comparing(Entry::at));
    out.printf(
        "%nTimeline of run %s (ms since launch; Δ since the previous line):%n", trace.runId());
    Instant previous = trace.launchedAt();
    for (Entry entry : entries) {
      out.printf(
          Locale.ROOT,
          "  %6d  %+5d  %-8s %s%n",
          Duration.between(trace.launchedAt(), entry.at()).toMillis(),
          Duration.between(previous, entry.at()).toMillis(),
          entry.source(),
          entry.what());
      previous = entry.at();
    }
  }

  private static String describe(HistoryEvent event) {
    String type = event.getEventType().name().replace("EVENT_TYPE_", "");
    if (event.hasActivityTaskScheduledEventAttributes()) {
      return type
          + " "
          + event.getActivityTaskScheduledEventAttributes().getActivityType().getName();
    }
    if (event.hasMarkerRecordedEventAttributes()) {
      return type + " (local activity)";
    }
    return type;
  }

  private static String journal(JournalEvent event) {
    String stage = RunTrace.payload(event).path("stage").asText("");
    String agent = RunTrace.payload(event).path("agent").asText("");
    String path = RunTrace.payload(event).path("path").asText("");
    return "#" + event.seq() + " " + event.type() + " " + stage + agent + path;
  }
}
