package dev.forgeflow.agents.support;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Heartbeats every running activity from a background thread while it runs, so a worker that dies
 * mid-call (kill -9, a lost machine) is noticed within the stubs' heartbeat timeout and the
 * activity is retried elsewhere, instead of after its whole start-to-close timeout — a model call
 * may legitimately take minutes, a silent worker may not. Local activities are left alone (they
 * cannot heartbeat). Register it on the worker factory; it covers every activity.
 */
public final class WorkerHeartbeats extends WorkerInterceptorBase {

  /** How often a running activity heartbeats; the stubs' heartbeat timeout is a few times this. */
  public static final Duration EVERY = Duration.ofSeconds(5);

  private static final ScheduledExecutorService BEATS =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "forgeflow-activity-heartbeats");
            thread.setDaemon(true);
            return thread;
          });

  private final Duration every;

  public WorkerHeartbeats() {
    this(EVERY);
  }

  WorkerHeartbeats(Duration every) {
    this.every = every;
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityExecutionContext context;

      @Override
      public void init(ActivityExecutionContext context) {
        this.context = context;
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        if (context == null || context.getInfo().isLocal()) {
          return super.execute(input);
        }
        ScheduledFuture<?> beats =
            BEATS.scheduleAtFixedRate(
                () -> beat(context), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        try {
          return super.execute(input);
        } finally {
          beats.cancel(false);
        }
      }
    };
  }

  private static void beat(ActivityExecutionContext context) {
    try {
      context.heartbeat(null);
    } catch (RuntimeException cancelledOrGone) {
      // the activity learns of its cancellation or timeout from its own calls
    }
  }
}
