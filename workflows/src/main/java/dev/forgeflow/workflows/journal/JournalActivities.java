package dev.forgeflow.workflows.journal;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Journal writes that workflow code needs; run as local activities next to the workflow. */
@ActivityInterface
public interface JournalActivities {

  /** Appends one event; the journal assigns the next sequence number of the run. */
  @ActivityMethod
  void record(RunEvent event);

  /** Sets the run's status; setting the same status twice is harmless. */
  @ActivityMethod
  void setStatus(String runId, RunStatus status);

  /** Stores the run's final status and result and journals the end event; idempotent. */
  @ActivityMethod
  void finish(RunEnd end);
}
