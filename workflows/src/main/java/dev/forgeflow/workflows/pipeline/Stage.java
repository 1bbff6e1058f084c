package dev.forgeflow.workflows.pipeline;

/** Where a run is, as its Query and journal report it. */
public enum Stage {
  QUEUED,
  REQUIREMENTS,
  ARCHITECTURE,
  APPROVAL,
  IMPLEMENTATION,
  CHECKS,
  REVIEW,
  REPAIR,
  DEPLOY,
  DONE
}
