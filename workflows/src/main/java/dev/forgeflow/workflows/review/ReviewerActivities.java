package dev.forgeflow.workflows.review;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Reviews a bundle: the model's (or offline planner's) review merged with the validators. */
@ActivityInterface
public interface ReviewerActivities {

  /** Journals {@code review.report}; approved only when no issue blocks. */
  @ActivityMethod
  ReviewResult review(ReviewInput input);
}
