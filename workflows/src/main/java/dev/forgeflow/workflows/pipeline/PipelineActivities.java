package dev.forgeflow.workflows.pipeline;

import dev.forgeflow.workflows.sandbox.SandboxActivities;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * The timeouts and retry policies of the pipeline's activities, side by side; the stubs are fields
 * of {@link PipelineWorkflowImpl}. Permanent failures (a prompt that cannot be read, a model that
 * refuses the credentials, malformed output after a repair) are non-retryable {@code
 * ApplicationFailure}s raised by the activities; everything else is retried here with backoff.
 */
public final class PipelineActivities {

  private static final RetryOptions MODEL_CALLS =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(2))
          .setBackoffCoefficient(2)
          .setMaximumInterval(Duration.ofMinutes(1))
          .setMaximumAttempts(6)
          .build();

  /** How long a worker may stay silent before its running activity is retried elsewhere. */
  static final Duration SILENT_WORKER = Duration.ofSeconds(30);

  private static final RetryOptions STORE_CALLS =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofMillis(200))
          .setMaximumInterval(Duration.ofSeconds(10))
          .setMaximumAttempts(20)
          .build();

  /** Requirements: one model call and its repair. */
  static final ActivityOptions REQUIREMENTS = model(Duration.ofMinutes(5));

  /** Architecture, each Implementer file, and each review: model calls that may think long. */
  static final ActivityOptions AGENT = model(Duration.ofMinutes(10));

  /** Assembling a bundle: store work only. */
  static final ActivityOptions STORE =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setRetryOptions(STORE_CALLS)
          .build();

  /**
   * Docker work on the sandbox runner's queue. A daemon that is gone fails the activity retryably:
   * the run waits, retrying every minute at most, until it is back (or an hour has passed).
   */
  static final ActivityOptions SANDBOX =
      ActivityOptions.newBuilder()
          .setTaskQueue(SandboxActivities.TASK_QUEUE)
          // a cancelled run waits for the check to end, so the saga removes all it made
          .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
          .setStartToCloseTimeout(Duration.ofMinutes(15))
          .setHeartbeatTimeout(SILENT_WORKER)
          .setScheduleToCloseTimeout(Duration.ofHours(1))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(2))
                  .setBackoffCoefficient(2)
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .build())
          .build();

  /**
   * Retrieval and code indexing. A vector store that is down fails the activity retryably: the run
   * waits, retrying every minute at most, until it answers again (or an hour has passed).
   */
  static final ActivityOptions RETRIEVAL =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setScheduleToCloseTimeout(Duration.ofHours(1))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setBackoffCoefficient(2)
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .build())
          .build();

  /**
   * How long a host's queue may go unpolled before its work moves to another host: its runner is
   * gone (or so busy that another host serves the run sooner).
   */
  public static final Duration HOST_SILENCE = Duration.ofSeconds(90);

  /**
   * Choosing a run's Docker host, on the queue every sandbox runner polls. With no runner up, the
   * run waits for one (up to an hour).
   */
  public static final ActivityOptions PLACEMENT =
      ActivityOptions.newBuilder()
          .setTaskQueue(SandboxActivities.TASK_QUEUE)
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setScheduleToCloseTimeout(Duration.ofHours(1))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setBackoffCoefficient(2)
                  .setMaximumInterval(Duration.ofSeconds(30))
                  .build())
          .build();

  /** {@link #SANDBOX} on one host's queue, leaving a host that does not take the work up. */
  public static ActivityOptions sandboxOn(String taskQueue) {
    return ActivityOptions.newBuilder(SANDBOX)
        .setTaskQueue(taskQueue)
        .setScheduleToStartTimeout(HOST_SILENCE)
        .build();
  }

  /** {@link #DEPLOY} on one host's queue, leaving a host that does not take the work up. */
  public static ActivityOptions deployOn(String taskQueue) {
    return ActivityOptions.newBuilder(DEPLOY)
        .setTaskQueue(taskQueue)
        .setScheduleToStartTimeout(HOST_SILENCE)
        .build();
  }

  /** Deploys wait for a health check, heartbeating; compensation retries until it is done. */
  public static final ActivityOptions DEPLOY =
      ActivityOptions.newBuilder()
          .setTaskQueue(SandboxActivities.TASK_QUEUE)
          .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
          .setStartToCloseTimeout(Duration.ofMinutes(5))
          .setHeartbeatTimeout(SILENT_WORKER)
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(2))
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .setMaximumAttempts(5)
                  .build())
          .build();

  /** Journal writes and status, as local activities next to the workflow. */
  static final LocalActivityOptions JOURNAL =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(15))
          .setRetryOptions(STORE_CALLS)
          .build();

  private PipelineActivities() {}

  /**
   * A model call may think for minutes, but its worker heartbeats for it every few seconds: a
   * worker that dies mid-call is noticed after {@link #SILENT_WORKER}, and the call is retried
   * elsewhere then, not after its whole start-to-close timeout.
   */
  private static ActivityOptions model(Duration startToClose) {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(startToClose)
        .setHeartbeatTimeout(SILENT_WORKER)
        .setRetryOptions(MODEL_CALLS)
        .build();
  }
}
