package dev.forgeflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgeflow.agents.support.Json;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.LlmCall;
import dev.forgeflow.workflows.journal.Fact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One finished run as the benchmark reads it: its whole journal, its model calls, and when the
 * client launched it and saw its last event.
 */
record RunTrace(
    String runId,
    Instant launchedAt,
    Instant endSeenAt,
    List<JournalEvent> events,
    List<LlmCall> calls) {

  /** The last event: {@code run.completed}, {@code run.failed} or {@code run.cancelled}. */
  JournalEvent last() {
    return events.get(events.size() - 1);
  }

  JournalEvent runStarted() {
    return find(Fact.RunStarted.TYPE, null, null)
        .orElseThrow(() -> new IllegalStateException("run " + runId + " has no run.started"));
  }

  /** The first event of a type whose payload has {@code field} equal to {@code value}. */
  Optional<JournalEvent> find(String type, String field, String value) {
    return events.stream()
        .filter(e -> e.type().equals(type))
        .filter(e -> field == null || payload(e).path(field).asText().equals(value))
        .findFirst();
  }

  JournalEvent stage(String type, String stage) {
    return find(type, "stage", stage)
        .orElseThrow(
            () -> new IllegalStateException("run " + runId + " has no " + type + " " + stage));
  }

  List<LlmCall> callsOf(String agent) {
    return calls.stream().filter(c -> c.agent().equals(agent)).toList();
  }

  static JsonNode payload(JournalEvent event) {
    try {
      return Json.MAPPER.readTree(event.payloadJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long millis(Instant from, Instant to) {
    return Duration.between(from, to).toMillis();
  }
}
