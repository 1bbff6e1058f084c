package dev.forgeflow.workflows.architecture;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Designs the system for a charter and plans its files. */
@ActivityInterface
public interface ArchitectureActivities {

  /** Stores the architecture and journals {@code artifact.architecture}; idempotent per input. */
  @ActivityMethod
  ArchitectureResult design(ArchitectureInput input);
}
