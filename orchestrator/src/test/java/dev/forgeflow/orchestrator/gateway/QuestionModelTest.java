package dev.forgeflow.orchestrator.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.agents.llm.FakeLlmServer;
import dev.forgeflow.agents.llm.FakeResponse;
import dev.forgeflow.agents.llm.LlmEndpoint;
import dev.forgeflow.agents.llm.LlmReply;
import dev.forgeflow.agents.llm.LlmRequest;
import dev.forgeflow.agents.llm.LlmSettings;
import dev.forgeflow.agents.llm.ModelPrice;
import dev.forgeflow.agents.llm.StreamListener;
import dev.forgeflow.store.InMemoryStores;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.LlmCall;
import dev.forgeflow.store.NewRun;
import dev.forgeflow.store.Stores;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A question about a run's code answered by the model costs what any model call costs, and is
 * recorded like one: against that run, as agent {@code ask}, priced.
 */
class QuestionModelTest {

  @Test
  void anAnswersTokensAndCostAreRecordedAgainstTheRunAskedAbout() {
    Stores stores = InMemoryStores.create();
    String runId = stores.runs().create(new NewRun("a bookstore", null));
    try (FakeLlmServer model =
        FakeLlmServer.scripted(
            FakeResponse.completion("The price is validated in app.py:12-14."))) {
      LlmSettings settings =
          new LlmSettings(
              List.of(new LlmEndpoint(model.baseUrl(), "sk-question-test")),
              "fake-model",
              Map.of(),
              Duration.ofSeconds(10),
              Map.of("fake-model", new ModelPrice(1_000_000, 2_000_000)));

      LlmReply reply =
          GatewayRole.questionModel(settings, stores, OpenTelemetry.noop())
              .complete(
                  new LlmRequest(
                      runId,
                      "ask",
                      "fake-model",
                      "Answer from the passages.",
                      "Where?",
                      null,
                      false),
                  StreamListener.NONE);

      assertThat(reply.text()).contains("app.py:12-14");
      List<LlmCall> calls = stores.llmCalls().forRun(runId);
      assertThat(calls)
          .singleElement()
          .satisfies(
              call -> {
                assertThat(call.agent()).isEqualTo("ask");
                assertThat(call.costUsd()).isGreaterThan(0);
              });
      List<JournalEvent> usage =
          stores.journal().readAfter(runId, 0, 10).stream()
              .filter(event -> event.type().equals("llm.usage"))
              .toList();
      assertThat(usage)
          .singleElement()
          .satisfies(event -> assertThat(event.payloadJson()).contains("\"agent\":\"ask\""));
    }
  }
}
