package dev.forgeflow.agents.llm;

import dev.forgeflow.store.ReplyKey;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Numbers the model calls of each activity execution 1, 2, 3 ... in the order it makes them. The
 * numbering restarts with each attempt, so a retry that asks the same questions in the same order
 * meets the replies its earlier attempt kept.
 */
final class ActivityCalls {
  // One counter per execution context, so concurrent activities (the Implementer's files, each on
  // its own thread) count apart; weak keys drop a counter once its execution is over.
  private final Map<ActivityExecutionContext, AtomicInteger> counters =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** The next call of the activity running on this thread, or empty outside an activity. */
  Optional<ActivityCall> next() {
    ActivityExecutionContext context;
    try {
      context = Activity.getExecutionContext();
    } catch (IllegalStateException notInActivity) {
      return Optional.empty();
    }
    ActivityInfo info = context.getInfo();
    int ordinal = counters.computeIfAbsent(context, c -> new AtomicInteger()).incrementAndGet();
    return Optional.of(
        new ActivityCall(
            new ReplyKey(info.getWorkflowId(), info.getActivityId(), ordinal), info.getAttempt()));
  }
}
