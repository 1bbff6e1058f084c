package dev.forgeflow.workflows.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeflow.workflows.sandbox.CheckFailure;
import dev.forgeflow.workflows.sandbox.SandboxActivities;
import dev.forgeflow.workflows.sandbox.SandboxHost;
import dev.forgeflow.workflows.sandbox.TestReport;
import dev.forgeflow.workflows.webhooks.FakeWebhooks;
import dev.forgeflow.workflows.webhooks.WebhookDeliveryWorkflowImpl;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records the histories {@link PipelineReplayTest} replays, with the workflow code of the day: run
 * with {@code -Dforgeflow.record-histories=src/test/resources/histories} before a change to the
 * workflow, so that the change is then checked against what the code before it recorded. The files
 * it writes are named for the last change they cover ({@code -retrieval}: agents retrieve and
 * versions are indexed; {@code -hosts}: sandbox work is placed on one Docker host's queue; {@code
 * -hosts-webhooks}: and the run's end is handed to its project's webhooks); the older files stay,
 * replayed as runs begun before it.
 */
@EnabledIfSystemProperty(named = "forgeflow.record-histories", matches = ".+")
class HistoryRecording {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(
              PipelineWorkflowImpl.class, WebhookDeliveryWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private final FakeAgents agents = new FakeAgents();
  private WorkflowClient client;
  private String taskQueue;

  @BeforeEach
  void start(TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    worker.registerActivitiesImplementations(
        agents, new FakeWebhooks("project-1", List.of("wh_1")));
    env.newWorker(SandboxActivities.TASK_QUEUE).registerActivitiesImplementations(agents);
    env.newWorker(SandboxHost.taskQueue(FakeAgents.HOST)).registerActivitiesImplementations(agents);
    for (var key : RunSearchAttributes.ALL) {
      env.registerSearchAttribute(key.getName(), key.getValueType());
    }
    env.start();
    this.client = client;
    this.taskQueue = worker.getTaskQueue();
  }

  /** Checks fail in round 1, the patched bundle passes in round 2, and the service is deployed. */
  @Test
  void checksThenDeploy() throws Exception {
    agents.checkScript.add(
        new TestReport(
            false,
            "image-1",
            4,
            1,
            List.of(new CheckFailure("books.create", "app/routers/books.py", 42, "500 on create")),
            "1 of 4 failed"));
    stub("run-checks-deploy")
        .run(
            input("run-checks-deploy", PipelineOptions.defaults().withSandbox(SandboxMode.DEPLOY)));
    save("run-checks-deploy", "pipeline-checks-deploy-hosts-webhooks.json");
  }

  /** The deploy fails for good: the saga removes what the sandbox made, and the run fails. */
  @Test
  void deployFailsAndCompensates() throws Exception {
    agents.deployFailure =
        ApplicationFailure.newNonRetryableFailure("the service never answered", "DeployFailed");
    assertThatThrownBy(
            () ->
                stub("run-deploy-compensates")
                    .run(
                        input(
                            "run-deploy-compensates",
                            PipelineOptions.defaults().withSandbox(SandboxMode.DEPLOY))))
        .isInstanceOf(WorkflowFailedException.class);
    save("run-deploy-compensates", "pipeline-deploy-fails-compensates-hosts-webhooks.json");
  }

  private void save(String runId, String file) throws Exception {
    assertThat(agents.retrievals).as("the history covers retrieval").isNotEmpty();
    assertThat(agents.placements).as("the history covers sandbox hosts").isNotEmpty();
    assertThat(client.fetchHistory(runId).getEvents())
        .as("the history covers the webhooks' child")
        .anyMatch(HistoryEvent::hasStartChildWorkflowExecutionInitiatedEventAttributes);
    Path dir = Path.of(System.getProperty("forgeflow.record-histories"));
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve(file), client.fetchHistory(runId).toJson(true), StandardCharsets.UTF_8);
  }

  private static PipelineInput input(String runId, PipelineOptions options) {
    return new PipelineInput(runId, "A bookstore API with books (title, author)", options, true);
  }

  private PipelineWorkflow stub(String runId) {
    return client.newWorkflowStub(
        PipelineWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(runId).setTaskQueue(taskQueue).build());
  }
}
