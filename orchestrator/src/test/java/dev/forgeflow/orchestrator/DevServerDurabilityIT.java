package dev.forgeflow.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.orchestrator.runs.Launch;
import dev.forgeflow.orchestrator.runs.RunRequest;
import dev.forgeflow.orchestrator.runs.Runs;
import dev.forgeflow.orchestrator.temporal.TemporalChoice;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.workflows.pipeline.Awaiting;
import dev.forgeflow.workflows.pipeline.PipelineOptions;
import dev.forgeflow.workflows.pipeline.PlanDecision;
import dev.forgeflow.workflows.pipeline.RunSearchAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionMetadata;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Against a real Temporal server — one started by scripts/test and named by {@code
 * FORGEFLOW_IT_TEMPORAL_TARGET}, and local mode's own — a run waiting at the approval gate survives
 * the whole application stopping, and finishes when a new process answers the gate.
 */
class DevServerDurabilityIT {
  @TempDir Path dataDir;

  @Test
  void runWaitingForApprovalSurvivesAnApplicationRestart() {
    String target = System.getenv("FORGEFLOW_IT_TEMPORAL_TARGET");
    assertThat(target)
        .as("FORGEFLOW_IT_TEMPORAL_TARGET must name a Temporal dev server: run ./scripts/test")
        .isNotBlank();
    waitAtTheGateThenFinishAfterARestart("forgeflow.temporal-target=" + target);
  }

  /**
   * Local mode's own dev server: its database lives in the data dir, so a run outlives the server's
   * stop with the application and a new server started on the same data dir.
   */
  @Test
  void inLocalModeARunWaitingForApprovalSurvivesARestartOfApplicationAndServer() {
    String cli = System.getenv("FORGEFLOW_TEMPORAL_CLI");
    assertThat(cli)
        .as("FORGEFLOW_TEMPORAL_CLI must name the temporal executable: run ./scripts/test")
        .isNotBlank();
    waitAtTheGateThenFinishAfterARestart("forgeflow.temporal-cli=" + cli);
    assertThat(dataDir.resolve("temporal/temporal.db")).isNotEmptyFile();
  }

  private void waitAtTheGateThenFinishAfterARestart(String temporal) {
    String runId;
    try (ConfigurableApplicationContext first = boot(temporal)) {
      assertThat(first.getBean(TemporalChoice.class).durable()).isTrue();
      Runs runs = first.getBean(Runs.class);
      runId =
          ((Launch.Started)
                  runs.launch(
                      new RunRequest(
                          "A todo API with tasks (title, done: bool, due: date)",
                          PipelineOptions.defaults().withApprovalGate(true))))
              .runId();
      awaitGate(runs, runId);
      WorkflowExecutionMetadata waiting =
          listed(
              first.getBean(WorkflowClient.class),
              "WorkflowId = '"
                  + runId
                  + "' AND ForgeflowStatus = 'AWAITING_APPROVAL' AND ForgeflowStage = 'APPROVAL'"
                  + " AND ForgeflowModel = 'offline' AND ForgeflowRound = 0");
      assertThat(waiting.getMemo(RunSearchAttributes.PROMPT_MEMO, String.class))
          .isEqualTo("A todo API with tasks (title, done: bool, due: date)");
      assertThat(waiting.getTypedSearchAttributes().get(RunSearchAttributes.OWNER))
          .isEqualTo(System.getProperty("user.name"));
      assertThat(waiting.getTypedSearchAttributes().get(RunSearchAttributes.PROJECT)).isNotBlank();
    }
    try (ConfigurableApplicationContext second = boot(temporal)) {
      Runs runs = second.getBean(Runs.class);
      assertThat(stateOnceFound(runs, runId).awaiting()).isEqualTo(Awaiting.PLAN_APPROVAL);

      runs.decidePlan(runId, PlanDecision.approved());

      JournalEvent end = RunEnds.end(runs, runId, Duration.ofMinutes(2));
      assertThat(end.type()).isEqualTo("run.completed");
      assertThat(end.payloadJson()).containsPattern("\"outcome\": ?\"APPROVED\"");
      String project = runs.find(runId).orElseThrow().projectName();
      listed(
          second.getBean(WorkflowClient.class),
          "ForgeflowProject = '"
              + project
              + "' AND ForgeflowStatus = 'SUCCEEDED' AND ForgeflowStage = 'DONE'"
              + " AND ForgeflowRound = 1 AND WorkflowId = '"
              + runId
              + "'");
    }
  }

  /** The one run a visibility query finds, once the (eventually consistent) index shows it. */
  private static WorkflowExecutionMetadata listed(WorkflowClient client, String query) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      List<WorkflowExecutionMetadata> found = client.listExecutions(query).toList();
      if (found.size() == 1) {
        return found.get(0);
      }
      assertThat(found).hasSizeLessThan(2);
      sleep();
    }
    throw new AssertionError("no run matched " + query);
  }

  private ConfigurableApplicationContext boot(String temporal) {
    return new SpringApplicationBuilder(OrchestratorApplication.class)
        .web(WebApplicationType.NONE)
        .properties("forgeflow.data-dir=" + dataDir, temporal)
        .run();
  }

  private static void awaitGate(Runs runs, String runId) {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < deadline) {
      if (runs.state(runId).awaiting() == Awaiting.PLAN_APPROVAL) {
        return;
      }
      sleep();
    }
    throw new AssertionError("the run never reached the approval gate");
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The run's state, asked again for up to 30 s while the restarted server does not find the
   * execution yet: it loads the execution's state from its database on first use.
   */
  private static dev.forgeflow.workflows.pipeline.PipelineState stateOnceFound(
      Runs runs, String runId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        return runs.state(runId);
      } catch (io.temporal.client.WorkflowNotFoundException notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        sleep();
      }
    }
  }
}
