package dev.forgeflow.agents.support;

import dev.forgeflow.store.UnstorableContentException;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;

/**
 * Makes content the store cannot hold a permanent failure of the activity that wrote it: a retry
 * would write the same content, after buying its model call again. Register it on the worker
 * factory ({@code WorkerFactoryOptions.setWorkerInterceptors}); it covers every activity.
 */
public final class StoreFailures extends WorkerInterceptorBase {

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      @Override
      public ActivityOutput execute(ActivityInput input) {
        try {
          return super.execute(input);
        } catch (UnstorableContentException e) {
          throw nonRetryable(e);
        }
      }
    };
  }

  /** The non-retryable failure, of type {@link UnstorableContentException#FAILURE_TYPE}. */
  public static ApplicationFailure nonRetryable(UnstorableContentException e) {
    return ApplicationFailure.newBuilder()
        .setType(UnstorableContentException.FAILURE_TYPE)
        .setMessage(e.getMessage())
        .setNonRetryable(true)
        .build();
  }
}
