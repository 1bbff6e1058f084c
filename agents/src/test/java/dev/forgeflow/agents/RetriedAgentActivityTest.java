package dev.forgeflow.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.forgeflow.agents.llm.FakeLlmServer;
import dev.forgeflow.agents.llm.FakeResponse;
import dev.forgeflow.agents.offline.OfflinePlanner;
import dev.forgeflow.agents.retrieval.TestRetrieval;
import dev.forgeflow.agents.support.Json;
import dev.forgeflow.agents.validate.RuntimeProfile;
import dev.forgeflow.store.InMemoryStores;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.LlmCall;
import dev.forgeflow.store.NewRun;
import dev.forgeflow.store.Stores;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.requirements.CharterResult;
import dev.forgeflow.workflows.requirements.RequirementsActivities;
import dev.forgeflow.workflows.requirements.RequirementsInput;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real Requirements activity, wired by {@link Agents}, against a fake model over HTTP: when
 * storing its artifact fails after the model answered, Temporal's retry reuses the kept reply.
 */
class RetriedAgentActivityTest {
  private static final String QUEUE = "retried-agent-test";
  private static final String PROMPT = "A bookstore API with books (title, author, price: float)";

  @WorkflowInterface
  public interface CharterWorkflow {
    @WorkflowMethod
    CharterResult analyze(RequirementsInput input);
  }

  public static class CharterWorkflowImpl implements CharterWorkflow {
    private final RequirementsActivities requirements =
        Workflow.newActivityStub(
            RequirementsActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(
                    RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofSeconds(1))
                        .setMaximumAttempts(3)
                        .build())
                .build());

    @Override
    public CharterResult analyze(RequirementsInput input) {
      return requirements.analyze(input);
    }
  }

  private final Stores memory = InMemoryStores.create();
  private final FakeArtifactStoreFailingOnce artifacts =
      new FakeArtifactStoreFailingOnce(memory.artifacts());
  private final Stores stores =
      new Stores(
          memory.runs(),
          memory.journal(),
          artifacts,
          memory.bundles(),
          memory.llmCalls(),
          memory.deployments(),
          memory.replies());
  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private final AtomicInteger modelCalls = new AtomicInteger();

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void anActivityWhoseArtifactSaveFailsIsRetriedWithoutBuyingItsReplyAgain() {
    try (FakeLlmServer server = FakeLlmServer.start(request -> charterDraftedBy(modelCalls))) {
      String runId = stores.runs().create(new NewRun(PROMPT, "{}"));

      CharterResult result = analyze(server, runId);

      assertThat(server.requests()).hasSize(1);
      assertThat(artifacts.refused()).hasSize(1);
      String saved = stores.artifacts().load(result.charterId()).json();
      assertThat(saved).isEqualTo(artifacts.refused().get(0)).contains("drafted by call 1");
      assertThat(result.usage().promptTokens()).isEqualTo(120);
      assertThat(result.usage().completionTokens()).isEqualTo(80);
      assertThat(result.usage().costUsd()).isCloseTo(0.00028, within(1e-12));
      assertThat(stores.llmCalls().forRun(runId))
          .singleElement()
          .extracting(LlmCall::attempt)
          .isEqualTo(1);
      List<JournalEvent> events = stores.journal().readAfter(runId, 0, 1_000);
      assertThat(events)
          .filteredOn(e -> e.type().equals("llm.usage"))
          .extracting(JournalEvent::attempt)
          .containsExactly(1);
      assertThat(events)
          .filteredOn(e -> e.type().equals("artifact.charter"))
          .extracting(JournalEvent::attempt)
          .containsExactly(2);
    }
  }

  private CharterResult analyze(FakeLlmServer server, String runId) {
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(CharterWorkflowImpl.class);
    for (Object activities :
        Agents.activities(
            stores,
            PipelineHarness.modelAt(server.baseUrl()),
            RuntimeProfile.bundled(),
            TestRetrieval.embedded())) {
      worker.registerActivitiesImplementations(activities);
    }
    env.start();
    return env.getWorkflowClient()
        .newWorkflowStub(
            CharterWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(runId).setTaskQueue(QUEUE).build())
        .analyze(new RequirementsInput(runId, PROMPT, null));
  }

  /** A charter for the prompt whose description names the call that bought it. */
  private static FakeResponse charterDraftedBy(AtomicInteger calls) {
    ProjectCharter charter = new OfflinePlanner().charter(PROMPT);
    ProjectCharter numbered =
        new ProjectCharter(
            charter.name(),
            charter.description() + ", drafted by call " + calls.incrementAndGet(),
            charter.entities(),
            charter.endpoints(),
            charter.businessRules(),
            charter.authRequired());
    return FakeResponse.completion("fake-model", Json.write(numbered), 120, 80);
  }
}
