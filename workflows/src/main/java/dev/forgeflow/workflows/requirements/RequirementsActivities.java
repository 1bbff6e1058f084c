package dev.forgeflow.workflows.requirements;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Turns a plain-language prompt into a {@code ProjectCharter}. */
@ActivityInterface
public interface RequirementsActivities {

  /**
   * Writes the charter to the artifact store and journals {@code artifact.charter}. Throws a
   * non-retryable {@code ApplicationFailure} of type {@code PromptNotUnderstood} when the prompt
   * cannot be read, and of type {@code LlmRejected} when the model endpoint refuses the request.
   */
  @ActivityMethod
  CharterResult analyze(RequirementsInput input);
}
