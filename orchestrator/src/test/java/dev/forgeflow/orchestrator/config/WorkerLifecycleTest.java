package dev.forgeflow.orchestrator.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerLifecycleTest {
  private static final String QUEUE = "worker-lifecycle-test";

  @WorkflowInterface
  public interface OneCall {
    @WorkflowMethod
    void run();
  }

  @ActivityInterface
  public interface Slow {
    void work();
  }

  public static class OneCallImpl implements OneCall {
    @Override
    public void run() {
      Workflow.newActivityStub(
              Slow.class,
              ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build())
          .work();
    }
  }

  /** An activity like a store write: it does not stop when interrupted, it ends. */
  static final class SlowImpl implements Slow {
    final CountDownLatch started = new CountDownLatch(1);
    final AtomicBoolean ended = new AtomicBoolean();

    @Override
    public void work() {
      started.countDown();
      long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(600);
      while (System.nanoTime() < until) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          // carries on, as a blocking JDBC call would
        }
      }
      ended.set(true);
    }
  }

  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void stoppingWaitsForTheActivitiesUnderWayThenClosesWhatItWasGiven() throws Exception {
    WorkerFactory factory = env.getWorkerFactory();
    Worker worker = factory.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(OneCallImpl.class);
    SlowImpl slow = new SlowImpl();
    worker.registerActivitiesImplementations(slow);
    AtomicInteger closedWhileActivityRan = new AtomicInteger(-1);
    TemporalConfiguration.WorkerLifecycle lifecycle =
        new TemporalConfiguration.WorkerLifecycle(
            factory,
            List.of(factory::start),
            List.of(() -> closedWhileActivityRan.set(slow.ended.get() ? 0 : 1)));
    lifecycle.start();
    assertThat(lifecycle.isRunning()).isTrue();

    WorkflowClient client = env.getWorkflowClient();
    WorkflowClient.start(
        client.newWorkflowStub(
                OneCall.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build())
            ::run);
    assertThat(slow.started.await(1, TimeUnit.MINUTES)).isTrue();

    lifecycle.stop();

    assertThat(slow.ended).isTrue();
    assertThat(closedWhileActivityRan).hasValue(0);
    assertThat(lifecycle.isRunning()).isFalse();
    assertThat(factory.isTerminated()).isTrue();
  }
}
