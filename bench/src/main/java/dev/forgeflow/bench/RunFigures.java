package dev.forgeflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.LlmCall;
import dev.forgeflow.workflows.journal.Fact;
import java.util.Optional;

/**
 * The two figures of one run and what they are made of. Wall times come from the journal's {@code
 * created_at} timestamps (the database's clock, as any reader of the journal sees them); the
 * workflow's own {@code elapsedMs} (Temporal's deterministic clock) is kept beside them as a
 * cross-check. Latencies are the {@code llm_calls} rows' {@code latencyMs}.
 *
 * @param implWallMs stage.started → stage.completed of IMPLEMENTATION
 * @param implElapsedMs the same stage's {@code elapsedMs} as the workflow journalled it
 * @param implLatencySumMs the sum of the Implementer's call latencies
 * @param runWallMs run.started → run.completed
 * @param runElapsedMs run.completed's {@code elapsedMs}
 * @param criticalPathMs Requirements + Architecture + the longest Implementer call + Reviewer
 */
record RunFigures(
    String runId,
    String outcome,
    int files,
    int rounds,
    long implWallMs,
    long implElapsedMs,
    long implLatencySumMs,
    long runWallMs,
    long runElapsedMs,
    long criticalPathMs) {
  private static final String IMPLEMENTATION = "IMPLEMENTATION";

  static RunFigures of(RunTrace trace) {
    JournalEvent end = trace.last();
    JsonNode summary = RunTrace.payload(end);
    Optional<JournalEvent> implCompleted =
        trace.find(Fact.StageCompleted.TYPE, "stage", IMPLEMENTATION);
    return new RunFigures(
        trace.runId(),
        end.type().equals(Fact.RunCompleted.TYPE) ? summary.path("outcome").asText() : end.type(),
        summary.path("files").asInt(),
        summary.path("rounds").asInt(),
        implCompleted
            .map(c -> millis(trace.stage(Fact.StageStarted.TYPE, IMPLEMENTATION), c))
            .orElse(0L),
        implCompleted.map(c -> RunTrace.payload(c).path("elapsedMs").asLong()).orElse(0L),
        trace.callsOf("implementer").stream().mapToLong(LlmCall::latencyMs).sum(),
        millis(trace.runStarted(), end),
        summary.path("elapsedMs").asLong(),
        criticalPath(trace));
  }

  /** The longest chain of dependent model calls: with concurrency ≥ files, one parallel layer. */
  static long criticalPath(RunTrace trace) {
    return sum(trace, "requirements")
        + sum(trace, "architecture")
        + trace.callsOf("implementer").stream().mapToLong(LlmCall::latencyMs).max().orElse(0)
        + sum(trace, "reviewer");
  }

  private static long millis(JournalEvent from, JournalEvent to) {
    return RunTrace.millis(from.createdAt().toInstant(), to.createdAt().toInstant());
  }

  private static long sum(RunTrace trace, String agent) {
    return trace.callsOf(agent).stream().mapToLong(LlmCall::latencyMs).sum();
  }

  double implementerRatio() {
    return implWallMs / (double) implLatencySumMs;
  }

  double runRatio() {
    return runWallMs / (double) criticalPathMs;
  }

  /** Whether the run is the one the figures describe: approved in one round, six files. */
  boolean comparable() {
    return outcome.equals("APPROVED") && files == SixFileModel.FILES && rounds == 1;
  }
}
