package dev.forgeflow.orchestrator.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.orchestrator.OrchestratorApplication;
import dev.forgeflow.orchestrator.temporal.TemporalChoice;
import dev.forgeflow.workflows.pipeline.PipelineWorkflow;
import dev.forgeflow.workflows.sandbox.SandboxActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The workers as temporal-spring-boot-starter builds them from Forgeflow's configuration: the
 * pipeline worker on its task queue, sized by {@code forgeflow.worker.*}, polling once the
 * application is ready; no sandbox worker in a process without a sandbox.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
    classes = OrchestratorApplication.class,
    properties = {
      "forgeflow.temporal-local=in-process",
      "forgeflow.sandbox=off",
      "forgeflow.worker.max-concurrent-activities=77",
      "forgeflow.worker.workflow-pollers=9"
    })
class TemporalWiringIT {
  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("forgeflow.data-dir", () -> dataDir.toString());
  }

  @Autowired WorkerFactory workers;
  @Autowired WorkflowClient client;
  @Autowired TemporalChoice temporal;

  @Test
  void thePipelineWorkerIsTheConfiguredOneSizedByForgeflowWorkerProperties() {
    Worker pipeline = workers.getWorker(PipelineWorkflow.TASK_QUEUE);
    WorkerOptions options = pipeline.getWorkerOptions();

    assertThat(options.getMaxConcurrentActivityExecutionSize()).isEqualTo(77);
    assertThat(options.getMaxConcurrentWorkflowTaskPollers()).isEqualTo(9);
    assertThat(workers.isStarted()).isTrue();
    assertThat(workers.tryGetWorker(SandboxActivities.TASK_QUEUE)).isNull();
  }

  @Test
  void theChoiceIsAnnouncedAndTheClientUsesTheConfiguredNamespace() {
    assertThat(temporal.durable()).isFalse();
    assertThat(temporal.describe()).contains("FORGEFLOW_TEMPORAL_LOCAL=in-process");
    assertThat(client.getOptions().getNamespace()).isEqualTo("default");
  }
}
