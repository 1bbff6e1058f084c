package dev.forgeflow.workflows.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.workflows.sandbox.RetireRunsWorkflow;
import dev.forgeflow.workflows.sandbox.RetireRunsWorkflow.PlacedRun;
import dev.forgeflow.workflows.sandbox.RetireRunsWorkflowImpl;
import dev.forgeflow.workflows.sandbox.SandboxActivities;
import dev.forgeflow.workflows.sandbox.SandboxHost;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A deleted project's runs have their sandbox resources removed on the host each ran on (the silent
 * host's silence is waited for in real time, once).
 */
class RetireRunsWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(RetireRunsWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private final FakeAgents agents = new FakeAgents();
  private WorkflowClient client;
  private String taskQueue;

  @BeforeEach
  void start(TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    env.newWorker(SandboxActivities.TASK_QUEUE).registerActivitiesImplementations(agents);
    env.newWorker(SandboxHost.taskQueue("host-a")).registerActivitiesImplementations(agents);
    env.newWorker(SandboxHost.taskQueue("host-b")).registerActivitiesImplementations(agents);
    env.start();
    this.client = client;
    this.taskQueue = worker.getTaskQueue();
  }

  @Test
  void eachRunsResourcesAreRemovedOnItsOwnHostAndASilentHostIsLeftToItsJanitor() {
    List<String> left =
        client
            .newWorkflowStub(
                RetireRunsWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(RetireRunsWorkflow.workflowId("project-1"))
                    .setTaskQueue(taskQueue)
                    .build())
            .retire(
                List.of(
                    new PlacedRun("run-1", "host-b"),
                    new PlacedRun("run-2", "host-gone"),
                    new PlacedRun("run-3", null),
                    new PlacedRun("run-4", "host-a")));

    assertThat(left).containsExactly("run-2");
    assertThat(agents.removedRuns).containsExactlyInAnyOrder("run-1", "run-3", "run-4");
    assertThat(agents.sandboxCalls)
        .containsExactlyInAnyOrder(
            "remove " + SandboxHost.taskQueue("host-b"),
            "remove " + SandboxActivities.TASK_QUEUE,
            "remove " + SandboxHost.taskQueue("host-a"));
  }
}
