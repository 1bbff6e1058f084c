package dev.forgeflow.agents.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A slow activity under a short heartbeat timeout: it finishes when the worker heartbeats for it,
 * and times out without — the heartbeat timeout, not start-to-close, bounds a silent worker.
 */
class WorkerHeartbeatsTest {
  private static final String QUEUE = "worker-heartbeats-test";

  @ActivityInterface
  public interface SlowActivity {
    String answer();
  }

  @WorkflowInterface
  public interface SlowWorkflow {
    @WorkflowMethod
    String run();
  }

  public static class SlowWorkflowImpl implements SlowWorkflow {
    private final SlowActivity activity =
        Workflow.newActivityStub(
            SlowActivity.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                .setHeartbeatTimeout(Duration.ofSeconds(1))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());

    @Override
    public String run() {
      return activity.answer();
    }
  }

  /** Takes three heartbeat timeouts, like a model call that thinks for a while. */
  static final class SlowActivityImpl implements SlowActivity {
    @Override
    public String answer() {
      try {
        Thread.sleep(3_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "42";
    }
  }

  private static String run(WorkerFactoryOptions factory) {
    try (TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setUseTimeskipping(false)
                .setWorkerFactoryOptions(factory)
                .build())) {
      Worker worker = env.newWorker(QUEUE);
      worker.registerWorkflowImplementationTypes(SlowWorkflowImpl.class);
      worker.registerActivitiesImplementations(new SlowActivityImpl());
      env.start();
      return env.getWorkflowClient()
          .newWorkflowStub(
              SlowWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build())
          .run();
    }
  }

  @Test
  void aSlowActivityOutlivesItsHeartbeatTimeoutWhileTheWorkerHeartbeatsForIt() {
    WorkerFactoryOptions factory =
        WorkerFactoryOptions.newBuilder()
            .setWorkerInterceptors(new WorkerHeartbeats(Duration.ofMillis(200)))
            .build();

    assertThat(run(factory)).isEqualTo("42");
  }

  @Test
  void withoutHeartbeatsTheSameActivityTimesOutAfterItsHeartbeatTimeout() {
    assertThatThrownBy(() -> run(WorkerFactoryOptions.newBuilder().build()))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause()
        .hasMessageContaining("HEARTBEAT");
  }
}
