package dev.forgeflow.agents;

import dev.forgeflow.agents.llm.LlmSettings;
import dev.forgeflow.agents.retrieval.Retrieval;
import dev.forgeflow.agents.retrieval.TestRetrieval;
import dev.forgeflow.agents.validate.RuntimeProfile;
import dev.forgeflow.store.InMemoryStores;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.NewRun;
import dev.forgeflow.store.Stores;
import dev.forgeflow.workflows.pipeline.PipelineInput;
import dev.forgeflow.workflows.pipeline.PipelineOptions;
import dev.forgeflow.workflows.pipeline.PipelineResult;
import dev.forgeflow.workflows.pipeline.PipelineWorkflow;
import dev.forgeflow.workflows.pipeline.PipelineWorkflowImpl;
import dev.forgeflow.workflows.webhooks.WebhookActivities;
import dev.forgeflow.workflows.webhooks.WebhookCall;
import dev.forgeflow.workflows.webhooks.WebhookTargets;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The real workflow and the real agents on in-memory stores and the in-process Temporal. */
final class PipelineHarness implements AutoCloseable {
  final Stores stores = InMemoryStores.create();
  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  final Retrieval retrieval = TestRetrieval.embedded();

  PipelineHarness(Optional<LlmSettings> model) {
    Worker worker = env.newWorker(PipelineWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(PipelineWorkflowImpl.class);
    for (Object activities :
        Agents.activities(stores, model, RuntimeProfile.bundled(), retrieval)) {
      worker.registerActivitiesImplementations(activities);
    }
    worker.registerActivitiesImplementations(new FakeWebhooksOfNoProject());
    env.start();
  }

  /** The harness's runs belong to no project: a run's end has no webhooks to tell. */
  private static final class FakeWebhooksOfNoProject implements WebhookActivities {
    @Override
    public WebhookTargets webhookTargets(String runId) {
      return new WebhookTargets(null, List.of());
    }

    @Override
    public void deliverWebhook(WebhookCall call) {
      throw new IllegalStateException("a run of no project has no webhooks");
    }
  }

  static Optional<LlmSettings> modelAt(String baseUrl) {
    return LlmSettings.fromEnvironment(
        Map.of(
            "FORGEFLOW_LLM_BASE_URL", baseUrl,
            "FORGEFLOW_LLM_API_KEY", "sk-test-secret",
            "FORGEFLOW_LLM_MODEL", "fake-model",
            "FORGEFLOW_LLM_PRICES", "fake-model=1/2"));
  }

  String newRun(String prompt) {
    return stores.runs().create(new NewRun(prompt, "{}"));
  }

  PipelineResult run(String runId, String prompt, PipelineOptions options) {
    PipelineWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                PipelineWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(runId)
                    .setTaskQueue(PipelineWorkflow.TASK_QUEUE)
                    .build());
    return workflow.run(new PipelineInput(runId, prompt, options));
  }

  List<JournalEvent> events(String runId) {
    return stores.journal().readAfter(runId, 0, 10_000);
  }

  List<String> types(String runId) {
    return events(runId).stream().map(JournalEvent::type).toList();
  }

  @Override
  public void close() {
    env.close();
  }
}
