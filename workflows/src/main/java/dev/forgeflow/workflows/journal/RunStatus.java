package dev.forgeflow.workflows.journal;

/** The lifecycle of a run as stored and shown. */
public enum RunStatus {
  QUEUED,
  RUNNING,
  AWAITING_APPROVAL,
  PAUSED_BUDGET,
  SUCCEEDED,
  FAILED,
  CANCELLED
}
