package dev.forgeflow.agents.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.forgeflow.store.UnstorableContentException;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An activity whose output the store cannot hold fails once, permanently, and is not retried. */
class StoreFailuresTest {
  private static final String QUEUE = "store-failures-test";
  private static final AtomicInteger CALLS = new AtomicInteger();

  @ActivityInterface
  public interface WriteActivity {
    void write(String content);
  }

  @WorkflowInterface
  public interface WriteWorkflow {
    @WorkflowMethod
    void write(String content);
  }

  public static class WriteWorkflowImpl implements WriteWorkflow {
    private final WriteActivity activity =
        Workflow.newActivityStub(
            WriteActivity.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(
                    RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofSeconds(1))
                        .setMaximumAttempts(5)
                        .build())
                .build());

    @Override
    public void write(String content) {
      activity.write(content);
    }
  }

  static final class WriteActivityImpl implements WriteActivity {
    @Override
    public void write(String content) {
      CALLS.incrementAndGet();
      throw new UnstorableContentException("the review artifact of run r1 is not valid JSON");
    }
  }

  private final TestWorkflowEnvironment env =
      TestWorkflowEnvironment.newInstance(
          TestEnvironmentOptions.newBuilder()
              .setWorkerFactoryOptions(
                  WorkerFactoryOptions.newBuilder()
                      .setWorkerInterceptors(new StoreFailures())
                      .build())
              .build());

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void unstorableContentFailsTheActivityOnceWithoutRetries() {
    CALLS.set(0);
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(WriteWorkflowImpl.class);
    worker.registerActivitiesImplementations(new WriteActivityImpl());
    env.start();
    WriteWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                WriteWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build());

    WorkflowFailedException failed =
        catchThrowableOfType(() -> workflow.write("x"), WorkflowFailedException.class);

    ApplicationFailure cause =
        (ApplicationFailure) ((ActivityFailure) failed.getCause()).getCause();
    assertThat(cause.getType()).isEqualTo(UnstorableContentException.FAILURE_TYPE);
    assertThat(cause.isNonRetryable()).isTrue();
    assertThat(cause.getOriginalMessage()).contains("review artifact of run r1");
    assertThat(CALLS.get()).isEqualTo(1);
  }
}
