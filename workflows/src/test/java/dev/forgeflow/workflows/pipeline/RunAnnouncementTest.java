package dev.forgeflow.workflows.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeflow.workflows.sandbox.SandboxActivities;
import dev.forgeflow.workflows.webhooks.FakeWebhooks;
import dev.forgeflow.workflows.webhooks.RunFinished;
import dev.forgeflow.workflows.webhooks.WebhookDeliveryWorkflow;
import dev.forgeflow.workflows.webhooks.WebhookDeliveryWorkflowImpl;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** However a run ends, its end is handed to its project's webhooks by an abandoned child. */
class RunAnnouncementTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(
              PipelineWorkflowImpl.class, WebhookDeliveryWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private final FakeAgents agents = new FakeAgents();
  private final FakeWebhooks webhooks = new FakeWebhooks("project-1", List.of("wh_1"));
  private WorkflowClient client;
  private String taskQueue;

  @BeforeEach
  void start(TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    worker.registerActivitiesImplementations(agents, webhooks);
    env.newWorker(SandboxActivities.TASK_QUEUE).registerActivitiesImplementations(agents);
    env.start();
    this.client = client;
    this.taskQueue = worker.getTaskQueue();
  }

  @Test
  void anApprovedRunIsAnnouncedWithItsOutcomeAndVerdict() throws Exception {
    PipelineResult result = stub("run-ok").run(input("run-ok"));

    RunFinished told = announced("run-ok");
    assertThat(told.status()).isEqualTo("SUCCEEDED");
    assertThat(told.outcome()).isEqualTo("APPROVED");
    assertThat(told.verdict()).isEqualTo(result.verdict());
    assertThat(told.endEvent()).isEqualTo("run.completed");
    assertThat(told.summary()).containsEntry("outcome", "APPROVED");
    assertThat(webhooks.attempts.get(0).call().projectId()).isEqualTo("project-1");
    assertThat(childPolicy("run-ok")).isEqualTo("PARENT_CLOSE_POLICY_ABANDON");
  }

  @Test
  void aRunOfAProjectWithoutWebhooksStartsNoDeliveries() {
    webhooks.withoutWebhooks();

    stub("run-quiet").run(input("run-quiet"));

    assertThat(
            client.fetchHistory("run-quiet").getHistory().getEventsList().stream()
                .map(HistoryEvent::getEventType))
        .contains(EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)
        .doesNotContain(EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED);
    assertThat(webhooks.attempts).isEmpty();
  }

  @Test
  void aFailedRunIsAnnouncedAsFailedWithItsMessage() throws Exception {
    agents.requirementsFailure =
        ApplicationFailure.newNonRetryableFailure("no resources found", "PromptNotUnderstood");

    assertThatThrownBy(() -> stub("run-failed").run(input("run-failed")))
        .isInstanceOf(WorkflowFailedException.class);

    RunFinished told = announced("run-failed");
    assertThat(told.status()).isEqualTo("FAILED");
    assertThat(told.outcome()).isEqualTo("FAILED");
    assertThat(told.verdict()).contains("requirements failed").contains("no resources found");
  }

  @Test
  void aCancelledRunIsAnnouncedAsCancelled() throws Exception {
    agents.implementMillis = 5_000;
    PipelineWorkflow run = stub("run-cancelled");
    WorkflowClient.start(run::run, input("run-cancelled"));
    assertThat(agents.implementerStarted.await(20, TimeUnit.SECONDS)).isTrue();

    WorkflowStub.fromTyped(run).cancel();
    assertThatThrownBy(() -> WorkflowStub.fromTyped(run).getResult(PipelineResult.class))
        .isInstanceOf(WorkflowFailedException.class);

    RunFinished told = announced("run-cancelled");
    assertThat(told.status()).isEqualTo("CANCELLED");
    assertThat(told.outcome()).isEqualTo("CANCELLED");
    assertThat(told.verdict()).isEqualTo("cancelled during implementation");
  }

  private RunFinished announced(String runId) throws Exception {
    client
        .newUntypedWorkflowStub(WebhookDeliveryWorkflow.workflowId(runId))
        .getResult(20, TimeUnit.SECONDS, Void.class);
    assertThat(webhooks.attempts).hasSize(1);
    return webhooks.attempts.get(0).call().run();
  }

  private String childPolicy(String runId) {
    return client.fetchHistory(runId).getHistory().getEventsList().stream()
        .filter(
            e -> e.getEventType() == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED)
        .map(HistoryEvent::getStartChildWorkflowExecutionInitiatedEventAttributes)
        .map(a -> a.getParentClosePolicy().name())
        .findFirst()
        .orElseThrow();
  }

  private static PipelineInput input(String runId) {
    return new PipelineInput(
        runId, "A bookstore API with books (title, author)", PipelineOptions.defaults());
  }

  private PipelineWorkflow stub(String runId) {
    return client.newWorkflowStub(
        PipelineWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(runId)
            .setTaskQueue(taskQueue)
            .setWorkflowExecutionTimeout(Duration.ofMinutes(10))
            .build());
  }
}
