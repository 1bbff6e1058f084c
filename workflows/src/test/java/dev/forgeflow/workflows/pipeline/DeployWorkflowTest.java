package dev.forgeflow.workflows.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.workflows.sandbox.DeployInput;
import dev.forgeflow.workflows.sandbox.DeployWorkflow;
import dev.forgeflow.workflows.sandbox.DeployWorkflowImpl;
import dev.forgeflow.workflows.sandbox.Deployment;
import dev.forgeflow.workflows.sandbox.PlacementInput;
import dev.forgeflow.workflows.sandbox.SandboxActivities;
import dev.forgeflow.workflows.sandbox.SandboxHost;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A person's deploy request goes to the Docker host the run's images are on, or is placed. */
class DeployWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(DeployWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private final FakeAgents agents = new FakeAgents();
  private WorkflowClient client;
  private String taskQueue;

  @BeforeEach
  void start(TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    env.newWorker(SandboxActivities.TASK_QUEUE).registerActivitiesImplementations(agents);
    env.newWorker(SandboxHost.taskQueue("host-b")).registerActivitiesImplementations(agents);
    env.newWorker(SandboxHost.taskQueue(FakeAgents.HOST)).registerActivitiesImplementations(agents);
    env.start();
    this.client = client;
    this.taskQueue = worker.getTaskQueue();
  }

  @Test
  void aDeployOfARunWithAHostGoesToThatHostWithoutChoosingAnother() {
    Deployment deployed = deploy(new DeployInput("run-1", "bookstore-api", "bundle-2", "host-b"));

    assertThat(deployed.url()).isEqualTo("http://127.0.0.1:40123");
    assertThat(agents.placements).isEmpty();
    assertThat(agents.sandboxCalls).containsExactly("deploy " + SandboxHost.taskQueue("host-b"));
  }

  @Test
  void aDeployOfARunWithoutAHostIsPlacedOnALiveOne() {
    deploy(new DeployInput("run-2", "bookstore-api", "bundle-1"));

    assertThat(agents.placements).containsExactly(new PlacementInput("run-2", null));
    assertThat(agents.sandboxCalls)
        .containsExactly("deploy " + SandboxHost.taskQueue(FakeAgents.HOST));
  }

  private Deployment deploy(DeployInput input) {
    return client
        .newWorkflowStub(
            DeployWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(DeployWorkflow.workflowId(input.runId()))
                .setTaskQueue(taskQueue)
                .build())
        .deploy(input);
  }
}
