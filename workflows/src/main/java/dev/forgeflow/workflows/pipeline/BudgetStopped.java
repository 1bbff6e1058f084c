package dev.forgeflow.workflows.pipeline;

/** Unwinds the pipeline script when a paused run is told to stop; caught in the workflow. */
final class BudgetStopped extends RuntimeException {
  BudgetStopped() {
    super("budget exhausted and the run was told to stop", null, false, false);
  }
}
