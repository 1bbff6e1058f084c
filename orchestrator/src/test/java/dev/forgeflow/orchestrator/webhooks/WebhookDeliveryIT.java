package dev.forgeflow.orchestrator.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.orchestrator.OrchestratorApplication;
import dev.forgeflow.orchestrator.runs.Runs;
import dev.forgeflow.orchestrator.temporal.TemporalChoice;
import dev.forgeflow.store.NewRun;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.NewUser;
import dev.forgeflow.store.webhooks.CreatedWebhook;
import dev.forgeflow.store.webhooks.DeliveryAttempt;
import dev.forgeflow.workflows.pipeline.PipelineOptions;
import dev.forgeflow.workflows.pipeline.SandboxMode;
import dev.forgeflow.workflows.webhooks.WebhookDeliveryWorkflow;
import io.temporal.client.WorkflowClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole offline run against a real Temporal server (one named by {@code
 * FORGEFLOW_IT_TEMPORAL_TARGET}, or local mode's own dev server from {@code
 * FORGEFLOW_TEMPORAL_CLI}) with a webhook on a receiver at 127.0.0.1 that answers the first attempt
 * 503 and the second 204: the run's outcome arrives, signed, and the delivery log shows both
 * attempts.
 */
class WebhookDeliveryIT {

  private static final String PROMPT = "A todo API with tasks (title, done: bool)";

  @TempDir Path dataDir;

  @Test
  void aRunsOutcomeReachesItsWebhookOnTheSecondAttemptSigned() throws Exception {
    try (Receiver receiver = new Receiver(503);
        ConfigurableApplicationContext app = boot()) {
      assertThat(app.getBean(TemporalChoice.class).durable()).isTrue();
      Runs runs = app.getBean(Runs.class);
      Stores stores = runs.stores();
      String owner = stores.accounts().createUser(new NewUser("ada", null, null)).id();
      String project = stores.projects().create(owner, "todo").id();
      CreatedWebhook hook = stores.webhooks().create(project, receiver.url("/forgeflow"));
      String runId = stores.runs().create(new NewRun(PROMPT, null, owner, project));

      runs.start(runId, PROMPT, PipelineOptions.defaults().withSandbox(SandboxMode.OFF), "ada");

      await(
          Duration.ofMinutes(3),
          () -> Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(status(runs, runId)));
      assertThat(status(runs, runId)).isEqualTo("SUCCEEDED");
      await(Duration.ofMinutes(1), () -> receiver.received.size() >= 2);
      app.getBean(WorkflowClient.class)
          .newUntypedWorkflowStub(WebhookDeliveryWorkflow.workflowId(runId))
          .getResult(30, java.util.concurrent.TimeUnit.SECONDS, Void.class);

      List<Receiver.Received> got = receiver.received;
      assertThat(got).hasSize(2);
      assertThat(got.get(1).header("Forgeflow-Webhook-Id"))
          .isEqualTo(got.get(0).header("Forgeflow-Webhook-Id"));
      Receiver.Received accepted = got.get(1);
      String timestamp = accepted.header("Forgeflow-Webhook-Timestamp");
      assertThat(accepted.header("Forgeflow-Signature"))
          .isEqualTo(
              "v1="
                  + WebhookActivitiesImplTest.hmacSha256Hex(
                      hook.secret(), timestamp + "." + new String(accepted.body(), UTF_8)));
      JsonNode body = new ObjectMapper().readTree(accepted.body());
      assertThat(body.get("event").asText()).isEqualTo("run.finished");
      assertThat(body.get("runId").asText()).isEqualTo(runId);
      assertThat(body.get("projectId").asText()).isEqualTo(project);
      assertThat(body.get("status").asText()).isEqualTo("SUCCEEDED");
      assertThat(body.get("outcome").asText()).isEqualTo("APPROVED");
      assertThat(body.get("verdict").asText()).startsWith("approved in review round");
      assertThat(body.get("summary").get("projectName").asText()).isNotBlank();
      assertThat(body.get("url").asText()).endsWith("/runs/" + runId);

      List<DeliveryAttempt> log = stores.webhooks().deliveries(hook.webhook().id(), 10);
      assertThat(log).extracting(DeliveryAttempt::attempt).containsExactly(2, 1);
      assertThat(log).extracting(DeliveryAttempt::statusCode).containsExactly(204, 503);
      assertThat(log.get(0).deliveredAt()).isNotNull();
      assertThat(log.get(0).last()).isTrue();
      assertThat(log.get(1).failedAt()).isNotNull();
      assertThat(log.get(1).last()).isFalse();
      assertThat(log).extracting(DeliveryAttempt::runId).containsOnly(runId);
    }
  }

  private static String status(Runs runs, String runId) {
    return runs.find(runId).orElseThrow().status();
  }

  private ConfigurableApplicationContext boot() {
    String target = System.getenv("FORGEFLOW_IT_TEMPORAL_TARGET");
    String cli = System.getenv("FORGEFLOW_TEMPORAL_CLI");
    String temporal =
        target != null && !target.isBlank()
            ? "forgeflow.temporal-target=" + target
            : "forgeflow.temporal-cli=" + cli;
    assertThat(target != null && !target.isBlank() || cli != null && !cli.isBlank())
        .as("FORGEFLOW_IT_TEMPORAL_TARGET or FORGEFLOW_TEMPORAL_CLI must name a Temporal server")
        .isTrue();
    return new SpringApplicationBuilder(OrchestratorApplication.class)
        .web(WebApplicationType.NONE)
        .properties(
            "forgeflow.data-dir=" + dataDir,
            temporal,
            "forgeflow.webhooks-allow-private=true",
            "forgeflow.public-url=http://127.0.0.1:8080")
        .run();
  }

  private static void await(Duration timeout, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not done within " + timeout);
      }
      Thread.sleep(200);
    }
  }
}
