package dev.forgeflow.bench;

import com.google.protobuf.Timestamp;
import dev.forgeflow.store.LlmCall;
import io.temporal.api.history.v1.HistoryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Splits a run's wall time (run.started → run.completed) by what the run was doing at each moment,
 * the first that applies: a model call was in flight; else a workflow task was running (the
 * workflow's code and its journal local activities); else an activity was running (its own reads
 * and writes around the model call); else nothing was (the hand-over through Temporal's queues
 * between a completion and the next task).
 */
final class TimeSplit {
  enum Kind {
    MODEL_CALL,
    WORKFLOW_TASK,
    ACTIVITY_OUTSIDE_CALL,
    HANDOVER
  }

  private record Span(Kind kind, Instant from, Instant to) {}

  private TimeSplit() {}

  static Map<Kind, Long> of(RunTrace trace, List<HistoryEvent> history) {
    List<Span> spans = new ArrayList<>(tasks(history));
    for (LlmCall call : trace.calls()) {
      Instant end = call.at().toInstant();
      spans.add(new Span(Kind.MODEL_CALL, end.minusMillis(call.latencyMs()), end));
    }
    Map<Kind, Long> micros =
        sweep(
            spans,
            trace.runStarted().createdAt().toInstant(),
            trace.last().createdAt().toInstant());
    Map<Kind, Long> millis = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      millis.put(kind, micros.getOrDefault(kind, 0L) / 1_000);
    }
    return millis;
  }

  /** The median milliseconds of each kind over several runs' splits; empty for no runs. */
  static Map<Kind, Long> medians(List<Map<Kind, Long>> splits) {
    Map<Kind, Long> medians = new EnumMap<>(Kind.class);
    if (splits.isEmpty()) {
      return medians;
    }
    for (Kind kind : Kind.values()) {
      List<Double> values = splits.stream().map(s -> (double) s.getOrDefault(kind, 0L)).toList();
      medians.put(kind, Math.round(Stats.of(values).median()));
    }
    return medians;
  }

  /** Microseconds of each kind between {@code from} and {@code to}. */
  private static Map<Kind, Long> sweep(List<Span> spans, Instant from, Instant to) {
    TreeSet<Instant> cuts = new TreeSet<>(List.of(from, to));
    spans.forEach(s -> cuts.addAll(List.of(s.from(), s.to())));
    Map<Kind, Long> micros = new EnumMap<>(Kind.class);
    Instant previous = null;
    for (Instant cut : cuts.subSet(from, true, to, true)) {
      if (previous != null) {
        Kind kind = kindAt(spans, previous, cut);
        micros.merge(kind, Duration.between(previous, cut).toNanos() / 1_000, Long::sum);
      }
      previous = cut;
    }
    return micros;
  }

  private static Kind kindAt(List<Span> spans, Instant from, Instant to) {
    Kind best = Kind.HANDOVER;
    for (Span span : spans) {
      boolean covers = !span.from().isAfter(from) && !span.to().isBefore(to);
      if (covers && span.kind().ordinal() < best.ordinal()) {
        best = span.kind();
      }
    }
    return best;
  }

  /** Workflow tasks and activity executions, from started to completed, in the history. */
  private static List<Span> tasks(List<HistoryEvent> history) {
    Map<Long, Instant> started = new HashMap<>();
    Instant workflowTaskStarted = null;
    List<Span> spans = new ArrayList<>();
    for (HistoryEvent event : history) {
      Instant at = instant(event.getEventTime());
      if (event.hasWorkflowTaskStartedEventAttributes()) {
        workflowTaskStarted = at;
      } else if (event.hasActivityTaskStartedEventAttributes()) {
        started.put(event.getEventId(), at);
      } else if (event.hasWorkflowTaskCompletedEventAttributes() && workflowTaskStarted != null) {
        // One workflow task at a time: a completed one ends the last one started.
        spans.add(new Span(Kind.WORKFLOW_TASK, workflowTaskStarted, at));
      } else if (event.hasActivityTaskCompletedEventAttributes()) {
        long id = event.getActivityTaskCompletedEventAttributes().getStartedEventId();
        spans.add(new Span(Kind.ACTIVITY_OUTSIDE_CALL, started.getOrDefault(id, at), at));
      }
    }
    return spans;
  }

  static Instant instant(Timestamp time) {
    return Instant.ofEpochSecond(time.getSeconds(), time.getNanos());
  }
}
