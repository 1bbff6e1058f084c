package dev.forgeflow.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeflow.agents.llm.FakeLlmServer;
import dev.forgeflow.agents.llm.FakeResponse;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.workflows.pipeline.Outcome;
import dev.forgeflow.workflows.pipeline.PipelineOptions;
import dev.forgeflow.workflows.pipeline.PipelineResult;
import io.temporal.client.WorkflowFailedException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real workflow with the real agents: offline, and against a fake model over HTTP. */
class AgentsPipelineTest {
  private static final String PROMPT =
      "A bookstore API with books (title, author, price: float) and reviews "
          + "(book_id, rating: int, comment)";

  @Test
  void offlinePlannerRunIsApprovedAndAnnouncesItself() {
    try (PipelineHarness harness = new PipelineHarness(Optional.empty())) {
      String runId = harness.newRun(PROMPT);

      PipelineResult result = harness.run(runId, PROMPT, PipelineOptions.defaults());

      assertThat(result.outcome()).isEqualTo(Outcome.APPROVED);
      assertThat(result.usage().totalTokens()).isZero();
      assertThat(harness.stores.bundles().files(result.bundleId()))
          .containsKeys("app/main.py", "app/routers/books.py", "tests/test_reviews.py");
      assertThat(harness.events(runId))
          .filteredOn(e -> e.type().equals("artifact.charter"))
          .singleElement()
          .extracting(JournalEvent::payloadJson)
          .asString()
          .contains("\"planner\":\"offline\"");
      assertThat(harness.stores.llmCalls().forRun(runId)).isEmpty();
    }
  }

  @Test
  void modelRunCallsEveryAgentOverHttpAndRecordsUsage() {
    try (FakeLlmServer server = FakeLlmServer.start(new FakeModel());
        PipelineHarness harness = new PipelineHarness(PipelineHarness.modelAt(server.baseUrl()))) {
      String runId = harness.newRun(PROMPT);

      PipelineResult result = harness.run(runId, PROMPT, PipelineOptions.defaults());

      assertThat(result.outcome()).isEqualTo(Outcome.APPROVED);
      int files = result.fileCount();
      assertThat(harness.stores.llmCalls().forRun(runId))
          .hasSize(3 + files)
          .allSatisfy(call -> assertThat(call.model()).isEqualTo("fake-model"));
      assertThat(result.usage().totalTokens()).isPositive();
      assertThat(result.usage().costUsd()).isPositive();
      assertThat(harness.types(runId)).contains("llm.usage", "code.progress");
      assertThat(server.requests())
          .filteredOn(r -> "FileDraft".equals(r.schemaName()))
          .hasSize(files)
          .allSatisfy(r -> assertThat(r.streamed()).isTrue());
    }
  }

  @Test
  void plannedPathOutsideTheProjectIsNeverWrittenAndTheReviewBlocksOnIt() {
    FakeModel model = new FakeModel().planningPath("app/../../evil.py");
    try (FakeLlmServer server = FakeLlmServer.start(model);
        PipelineHarness harness = new PipelineHarness(PipelineHarness.modelAt(server.baseUrl()))) {
      String runId = harness.newRun(PROMPT);

      PipelineResult result = harness.run(runId, PROMPT, PipelineOptions.defaults());

      assertThat(result.outcome()).isEqualTo(Outcome.STUCK);
      assertThat(result.verdict()).contains("path.outside-root");
      assertThat(harness.stores.bundles().files(result.bundleId()).keySet())
          .noneMatch(path -> path.contains("evil"));
      assertThat(harness.types(runId)).contains("code.rejected", "review.stuck");
      assertThat(server.requests())
          .noneMatch(
              r ->
                  String.valueOf(r.message("user")).contains("Write the file `app/../../evil.py`"));
    }
  }

  @Test
  void malformedModelOutputIsRepairedOnceThenFailsTheRunNamingTheAgent() {
    try (FakeLlmServer server =
            FakeLlmServer.start(
                request ->
                    FakeResponse.completion(
                        request.model(), "I'd rather write prose than JSON.", 10, 5));
        PipelineHarness harness = new PipelineHarness(PipelineHarness.modelAt(server.baseUrl()))) {
      String runId = harness.newRun(PROMPT);

      assertThatThrownBy(() -> harness.run(runId, PROMPT, PipelineOptions.defaults()))
          .isInstanceOf(WorkflowFailedException.class)
          .rootCause()
          .hasMessageContaining("requirements");
      assertThat(server.requests()).hasSize(2);
      JournalEvent failed = harness.events(runId).get(harness.events(runId).size() - 1);
      assertThat(failed.type()).isEqualTo("run.failed");
      assertThat(failed.payloadJson()).contains("MalformedModelOutput");
    }
  }

  @Test
  void rejectedCredentialsFailTheRunAtOnceWithoutLeakingTheKey() {
    try (FakeLlmServer server =
            FakeLlmServer.start(request -> FakeResponse.error(401, "Incorrect API key provided"));
        PipelineHarness harness = new PipelineHarness(PipelineHarness.modelAt(server.baseUrl()))) {
      String runId = harness.newRun(PROMPT);

      assertThatThrownBy(() -> harness.run(runId, PROMPT, PipelineOptions.defaults()))
          .isInstanceOf(WorkflowFailedException.class);
      assertThat(server.requests()).hasSize(1);
      String failure = harness.events(runId).get(harness.events(runId).size() - 1).payloadJson();
      assertThat(failure)
          .contains("LlmRejected")
          .contains(server.baseUrl())
          .doesNotContain("sk-test-secret");
    }
  }

  @Test
  void unreachableModelEndpointFailsAfterBoundedRetriesNamingTheUrl() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort + "/v1";
    try (PipelineHarness harness = new PipelineHarness(PipelineHarness.modelAt(url))) {
      String runId = harness.newRun(PROMPT);

      assertThatThrownBy(() -> harness.run(runId, PROMPT, PipelineOptions.defaults()))
          .isInstanceOf(WorkflowFailedException.class);
      String failure = harness.events(runId).get(harness.events(runId).size() - 1).payloadJson();
      assertThat(failure).contains("LlmUnavailable").contains("127.0.0.1:" + closedPort);
    }
  }
}
