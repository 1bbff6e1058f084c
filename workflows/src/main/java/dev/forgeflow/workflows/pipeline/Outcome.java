package dev.forgeflow.workflows.pipeline;

/** How a run ended. */
public enum Outcome {
  /** The review approved a bundle. */
  APPROVED,
  /** The review rounds ran out with blocking issues left. */
  CHANGES_REQUESTED,
  /** The same failure came back after an escalated rewrite. */
  STUCK,
  /** The plan was rejected at the approval gate (or its wait ran out). */
  PLAN_REJECTED,
  /** The budget ran out and the run was told to stop. */
  BUDGET_STOPPED
}
