package dev.forgeflow.agents.review;

import dev.forgeflow.agents.support.ModelAgent;

/** The two ways to review. */
public final class ReviewDrafters {
  private ReviewDrafters() {}

  public static ReviewDrafter model(ModelAgent agent) {
    return new ModelReviewDrafter(agent);
  }

  public static ReviewDrafter offline() {
    return new OfflineReviewDrafter();
  }
}
