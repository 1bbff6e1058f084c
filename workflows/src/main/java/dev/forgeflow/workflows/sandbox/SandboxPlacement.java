package dev.forgeflow.workflows.sandbox;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Chooses the Docker host of a run's sandbox work. Every sandbox runner polls the shared queue
 * {@link SandboxActivities#TASK_QUEUE} for this activity and answers with itself, so whichever live
 * runner takes the task is the host: a runner that is gone cannot be chosen, and work spreads as
 * runners have room. The runner records the choice on the run.
 */
@ActivityInterface
public interface SandboxPlacement {

  /** This runner's host, now recorded as the run's. */
  @ActivityMethod
  SandboxHost place(PlacementInput input);
}
