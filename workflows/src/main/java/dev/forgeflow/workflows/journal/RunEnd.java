package dev.forgeflow.workflows.journal;

import java.util.Map;

/**
 * How a run ended: its final status, the journal event that says so ({@code run.completed}, {@code
 * run.failed}, {@code run.cancelled}) and a summary stored as the run's result.
 */
public record RunEnd(
    String runId, RunStatus status, String eventType, Map<String, Object> summary) {
  public RunEnd {
    summary = Map.copyOf(summary);
  }

  /** The end that {@code fact} states, its payload as the summary. */
  public static RunEnd of(String runId, RunStatus status, Fact.RunEnding fact) {
    return new RunEnd(runId, status, fact.eventType(), Facts.payload(fact));
  }
}
