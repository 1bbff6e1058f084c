package dev.forgeflow.workflows.journal;

import java.util.Map;

/** An event to append to a run's journal: a past-tense type and a small JSON-able payload. */
public record RunEvent(String runId, String type, Map<String, Object> payload) {
  public RunEvent {
    payload = Map.copyOf(payload);
  }
}
