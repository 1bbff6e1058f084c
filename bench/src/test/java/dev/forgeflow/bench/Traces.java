package dev.forgeflow.bench;

import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.LlmCall;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Small traces of finished runs, built event by event at chosen milliseconds. */
final class Traces {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final String runId;
  private final List<JournalEvent> events = new ArrayList<>();
  private final List<LlmCall> calls = new ArrayList<>();

  Traces() {
    this("run-1");
  }

  Traces(String runId) {
    this.runId = runId;
  }

  Traces event(long atMs, String type, String payloadJson) {
    events.add(new JournalEvent(runId, events.size() + 1, type, payloadJson, 1, at(atMs)));
    return this;
  }

  Traces stage(long startMs, long endMs, String stage) {
    event(startMs, "stage.started", "{\"stage\":\"" + stage + "\",\"round\":0}");
    return event(
        endMs,
        "stage.completed",
        "{\"stage\":\"" + stage + "\",\"round\":0,\"elapsedMs\":" + (endMs - startMs) + "}");
  }

  /** A model call of {@code agent} that ends at {@code endMs} after {@code latencyMs}. */
  Traces call(String agent, long endMs, long latencyMs) {
    calls.add(
        new LlmCall(
            runId, agent, "fake-model", "http://fake", 10, 5, 0, latencyMs, 1, "ok", at(endMs)));
    return this;
  }

  RunTrace trace() {
    events.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
    return new RunTrace(runId, T0, T0.plusMillis(5_000), List.copyOf(events), calls);
  }

  static OffsetDateTime at(long ms) {
    return T0.plusMillis(ms).atOffset(ZoneOffset.UTC);
  }
}
