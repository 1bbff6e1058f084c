package dev.forgeflow.workflows.journal;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;

/**
 * The activity attempt that states a fact: the Temporal activity id (the same for every attempt of
 * one scheduled activity) and the attempt number.
 *
 * @param activityId null outside an activity
 * @param attempt 1 for a first try, and outside an activity
 */
public record ActivityAttempt(String activityId, int attempt) {
  /** Outside any activity (tests, tools): facts get no key, so are not deduplicated. */
  public static final ActivityAttempt NONE = new ActivityAttempt(null, 1);

  /** The activity running on this thread, or {@link #NONE}. */
  public static ActivityAttempt current() {
    try {
      ActivityInfo info = Activity.getExecutionContext().getInfo();
      return new ActivityAttempt(info.getActivityId(), info.getAttempt());
    } catch (IllegalStateException | NullPointerException notInActivity) {
      return NONE;
    }
  }

  /** The same activity, stamped with another attempt number. */
  public ActivityAttempt withAttempt(int other) {
    return new ActivityAttempt(activityId, other);
  }
}
