package dev.forgeflow.workflows.sandbox;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Docker work, on the sandbox runner's own task queue and worker. */
@ActivityInterface
public interface SandboxActivities {

  String TASK_QUEUE = "forgeflow-sandbox";

  /**
   * Builds the bundle's project image on the sandbox base image and checks it: byte-compile every
   * file, import the app, run its pytest suite, start it and drive its OpenAPI. Journals {@code
   * test.report}. Fails retryably when the Docker daemon cannot be reached.
   */
  @ActivityMethod
  TestReport check(CheckInput input);
}
