package dev.forgeflow.workflows.webhooks;

import java.util.Map;

/**
 * How a run ended, as its webhooks are told.
 *
 * @param status {@code SUCCEEDED}, {@code FAILED} or {@code CANCELLED}
 * @param outcome the review's outcome ({@code APPROVED}, {@code CHANGES_REQUESTED}, {@code STUCK},
 *     {@code PLAN_REJECTED}, {@code BUDGET_STOPPED}), or {@code FAILED}, or {@code CANCELLED}
 * @param verdict one line saying why
 * @param endEvent the journal's end event ({@code run.completed}, {@code run.failed}, {@code
 *     run.cancelled})
 * @param summary that event's payload
 * @param finishedAtMillis when the run ended (workflow time)
 */
public record RunFinished(
    String runId,
    String status,
    String outcome,
    String verdict,
    String endEvent,
    Map<String, Object> summary,
    long finishedAtMillis) {

  /** The event type webhooks receive. */
  public static final String EVENT = "run.finished";
}
