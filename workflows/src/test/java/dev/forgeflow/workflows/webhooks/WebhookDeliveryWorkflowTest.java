package dev.forgeflow.workflows.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebhookDeliveryWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(WebhookDeliveryWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  @Test
  void aReceiverThatIsUnavailableIsTriedAgainWithTheSameDeliveryId(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    FakeWebhooks webhooks =
        new FakeWebhooks("p1", List.of("wh_a")).failingWith(FakeWebhooks.unavailable());
    worker.registerActivitiesImplementations(webhooks);
    env.start();

    deliver(client, worker, webhooks, "run-retry");

    assertThat(webhooks.attempts).extracting(FakeWebhooks.Seen::attempt).containsExactly(1, 2);
    assertThat(webhooks.attempts)
        .extracting(seen -> seen.call().deliveryId())
        .containsOnly(webhooks.attempts.get(0).call().deliveryId());
  }

  @Test
  void aReceiverThatRejectsTheDeliveryIsNotTriedAgainAndTheOthersStillGetIt(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    FakeWebhooks webhooks =
        new FakeWebhooks("p1", List.of("wh_a", "wh_b")).failingWith(FakeWebhooks.rejected());
    worker.registerActivitiesImplementations(webhooks);
    env.start();

    deliver(client, worker, webhooks, "run-rejected");

    assertThat(webhooks.attempts).hasSize(2);
    assertThat(webhooks.attempts).extracting(FakeWebhooks.Seen::attempt).containsOnly(1);
    assertThat(webhooks.attempts)
        .extracting(seen -> seen.call().webhookId())
        .containsExactlyInAnyOrder("wh_a", "wh_b");
    assertThat(webhooks.attempts).extracting(seen -> seen.call().projectId()).containsOnly("p1");
  }

  private static void deliver(
      WorkflowClient client, Worker worker, FakeWebhooks webhooks, String runId) {
    client
        .newWorkflowStub(
            WebhookDeliveryWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(WebhookDeliveryWorkflow.workflowId(runId))
                .setTaskQueue(worker.getTaskQueue())
                .build())
        .deliver(
            new WebhookDeliveries(
                new RunFinished(
                    runId,
                    "SUCCEEDED",
                    "APPROVED",
                    "approved in review round 1",
                    "run.completed",
                    Map.of("outcome", "APPROVED"),
                    0),
                webhooks.webhookTargets(runId)));
  }
}
