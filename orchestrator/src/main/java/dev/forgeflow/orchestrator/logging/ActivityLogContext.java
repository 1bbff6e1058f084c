package dev.forgeflow.orchestrator.logging;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Puts the run an activity works for into the MDC for the activity's duration, so every line it
 * logs names it: {@code runId} (Forgeflow's run: the workflow id, or the run a deploy workflow
 * deploys), {@code workflowId}, {@code temporalRunId} and {@code activity}. What was in the MDC
 * before is restored afterwards, so nothing leaks to the next activity on the thread.
 */
public final class ActivityLogContext extends WorkerInterceptorBase {
  static final String DEPLOY_PREFIX = "deploy-";

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
        Map<String, String> before = MDC.getCopyOfContextMap();
        ActivityInfo info = context.getInfo();
        MDC.put("runId", runId(info.getWorkflowId()));
        MDC.put("workflowId", info.getWorkflowId());
        MDC.put("temporalRunId", info.getRunId());
        MDC.put("activity", info.getActivityType());
        try {
          return super.execute(input);
        } finally {
          if (before == null) {
            MDC.clear();
          } else {
            MDC.setContextMap(before);
          }
        }
      }
    };
  }

  /** The Forgeflow run a workflow id belongs to. */
  static String runId(String workflowId) {
    return workflowId.startsWith(DEPLOY_PREFIX)
        ? workflowId.substring(DEPLOY_PREFIX.length())
        : workflowId;
  }
}
