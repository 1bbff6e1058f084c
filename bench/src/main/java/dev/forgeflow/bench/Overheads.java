package dev.forgeflow.bench;

import static dev.forgeflow.bench.RunTrace.millis;

import dev.forgeflow.store.LlmCall;
import dev.forgeflow.workflows.journal.Fact;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a run's time goes besides the model: the run cut into consecutive segments at its journal
 * events and the start and end of its model calls (a call starts {@code latencyMs} before its
 * {@code llm_calls} row's time). The segments from run.started to run.completed add up to the run's
 * wall time minus its critical path.
 */
final class Overheads {
  private static final List<String> STAGES =
      List.of("REQUIREMENTS", "ARCHITECTURE", "IMPLEMENTATION", "REVIEW");
  private static final Map<String, String> AGENTS =
      Map.of(
          "REQUIREMENTS", "requirements",
          "ARCHITECTURE", "architecture",
          "IMPLEMENTATION", "implementer",
          "REVIEW", "reviewer");

  private Overheads() {}

  /** Segment name to milliseconds, in the order the run passes them. */
  static Map<String, Long> of(RunTrace trace, RunFigures figures) {
    Map<String, Long> segments = new LinkedHashMap<>();
    Instant mark = trace.runStarted().createdAt().toInstant();
    segments.put("launch → run.started (not in run wall)", millis(trace.launchedAt(), mark));
    String previous = Fact.RunStarted.TYPE;
    for (String stage : STAGES) {
      mark = stage(segments, trace, stage, previous, mark);
      previous = stage + " completed";
    }
    Instant end = trace.last().createdAt().toInstant();
    segments.put(previous + " → run.completed", millis(mark, end));
    segments.put("= run wall − critical path", figures.runWallMs() - figures.criticalPathMs());
    segments.put(
        "run.completed → seen by client (not in run wall)", millis(end, trace.endSeenAt()));
    return segments;
  }

  /** Adds one stage's segments; returns when the stage completed. */
  private static Instant stage(
      Map<String, Long> segments, RunTrace trace, String stage, String previous, Instant mark) {
    Instant started = trace.stage(Fact.StageStarted.TYPE, stage).createdAt().toInstant();
    Instant completed = trace.stage(Fact.StageCompleted.TYPE, stage).createdAt().toInstant();
    List<LlmCall> calls = trace.callsOf(AGENTS.get(stage));
    Instant firstStart = calls.stream().map(Overheads::start).min(Comparator.naturalOrder()).get();
    Instant lastEnd = calls.stream().map(Overheads::end).max(Comparator.naturalOrder()).get();
    long longest = calls.stream().mapToLong(LlmCall::latencyMs).max().getAsLong();
    segments.put(previous + " → " + stage + " started", millis(mark, started));
    segments.put(stage + ": started → first call", millis(started, firstStart));
    segments.put(stage + ": calls beyond the longest", millis(firstStart, lastEnd) - longest);
    segments.put(stage + ": last call → completed", millis(lastEnd, completed));
    return completed;
  }

  private static Instant start(LlmCall call) {
    return end(call).minusMillis(call.latencyMs());
  }

  private static Instant end(LlmCall call) {
    return call.at().toInstant();
  }
}
