package dev.forgeflow.orchestrator.runs;

/**
 * How a run's workflow closed, as Temporal saw it.
 *
 * @param status Temporal's status: {@code COMPLETED}, {@code FAILED}, {@code CANCELED}, {@code
 *     TERMINATED} or {@code TIMED_OUT}
 * @param reason the failure's or termination's message; empty when there is none
 */
public record RunClosure(String status, String reason) {}
