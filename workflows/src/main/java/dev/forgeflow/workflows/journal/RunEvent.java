package dev.forgeflow.workflows.journal;

import java.util.Map;

/**
 * An event workflow code asks to append to a run's journal: a catalogue type, its payload, and its
 * fact key ({@code workflow/<temporal run id>/<n>}, counted by workflow code so that a re-executed
 * local activity carries the same key, while a workflow reset, which continues as a new Temporal
 * run, states its new facts under new keys). A plain record, the local activity's argument.
 *
 * @param factKey what the event describes; the journal keeps one event per key, null for none
 */
public record RunEvent(String runId, String type, Map<String, Object> payload, String factKey) {
  public RunEvent {
    payload = Map.copyOf(payload);
  }

  /** The fact key of the {@code n}th event (from 1) workflow code journals in a Temporal run. */
  public static String workflowKey(String temporalRunId, int n) {
    return "workflow/" + temporalRunId + "/" + n;
  }

  /** The {@code n}th event workflow code journals in the Temporal run {@code temporalRunId}. */
  public static RunEvent of(String runId, Fact.WorkflowFact fact, String temporalRunId, int n) {
    return new RunEvent(
        runId, fact.eventType(), Facts.payload(fact), workflowKey(temporalRunId, n));
  }
}
