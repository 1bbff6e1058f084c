package dev.forgeflow.workflows.retrieval;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Searches the vector store for an agent and indexes generated code. A vector store that cannot be
 * reached fails the activity retryably, with a message naming it: the run waits for it and resumes;
 * it never goes on without what it should have retrieved.
 */
@ActivityInterface
public interface RetrievalActivities {

  /**
   * Retrieves the passages the input's agent reads before it writes, keeps them as the run's {@code
   * context.<agent>} artifact, and journals {@code retrieval.done}.
   */
  @ActivityMethod
  RetrievalResult retrieve(RetrievalInput input);

  /** Indexes a bundle version's files for code questions; journals {@code retrieval.indexed}. */
  @ActivityMethod
  int indexCode(CodeIndexInput input);
}
