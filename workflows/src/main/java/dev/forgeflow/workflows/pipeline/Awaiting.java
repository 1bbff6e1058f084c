package dev.forgeflow.workflows.pipeline;

/** What, if anything, a run is waiting for from a person. */
public enum Awaiting {
  NOTHING,
  PLAN_APPROVAL,
  BUDGET_DECISION
}
