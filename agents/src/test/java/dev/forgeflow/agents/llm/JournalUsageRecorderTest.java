package dev.forgeflow.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.store.InMemoryStores;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.LlmCall;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalUsageRecorderTest {
  private final FakeLlmCallLog calls = new FakeLlmCallLog();
  private final FakeRunJournal journal = new FakeRunJournal();
  private final Clock clock = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);
  private final UsageRecorder recorder =
      new JournalUsageRecorder(
          calls, journal, new Pricing(Map.of("m", new ModelPrice(1, 2))), clock);

  @Test
  void writesACallRowAndAUsageEvent() throws Exception {
    LlmReply reply = new LlmReply("{}", "m", "http://a.test/v1", 1000, 500, 321);
    recorder.record(LlmFixtures.request("architecture"), reply, 3, null);

    assertThat(calls.forRun("run-1"))
        .containsExactly(
            new LlmCall(
                "run-1",
                "architecture",
                "m",
                "http://a.test/v1",
                1000,
                500,
                0.002,
                321,
                3,
                "ok",
                OffsetDateTime.parse("2025-03-04T05:06:07Z")));
    JournalEvent event = journal.events("llm.usage").get(0);
    assertThat(event.runId()).isEqualTo("run-1");
    assertThat(event.attempt()).isEqualTo(3);
    JsonNode payload = new ObjectMapper().readTree(event.payloadJson());
    assertThat(payload.path("agent").asText()).isEqualTo("architecture");
    assertThat(payload.path("model").asText()).isEqualTo("m");
    assertThat(payload.path("promptTokens").asLong()).isEqualTo(1000);
    assertThat(payload.path("completionTokens").asLong()).isEqualTo(500);
    assertThat(payload.path("costUsd").asDouble()).isCloseTo(0.002, within(1e-12));
    assertThat(payload.path("latencyMs").asLong()).isEqualTo(321);
    assertThat(payload.path("attempt").asInt()).isEqualTo(3);
  }

  @Test
  void aKeyedCallIsRecordedOnceWithOneEventHoweverOftenItIsRecorded() {
    LlmReply reply = new LlmReply("{}", "m", "http://a.test/v1", 1000, 500, 321);
    LlmRequest request = LlmFixtures.request("reviewer");

    recorder.record(request, reply, 1, "run-1/7/1/1");
    recorder.record(request, reply, 1, "run-1/7/1/1");
    recorder.record(request, reply, 2, "run-1/7/1/2");

    assertThat(calls.forRun("run-1")).extracting(LlmCall::attempt).containsExactly(1, 2);
    assertThat(journal.events("llm.usage")).extracting(JournalEvent::attempt).containsExactly(1, 2);
  }

  @Test
  void clientOutsideAnActivityRecordsEveryCallOfARepairedStructuredCall() {
    try (FakeLlmServer server =
        FakeLlmServer.scripted(
            FakeResponse.completion("oops"),
            FakeResponse.completion(StructuredOutputTest.CHARTER))) {
      LlmClient client =
          LlmClients.ledgered(
              LlmClients.openAi(LlmFixtures.settings(server.baseUrl())),
              InMemoryStores.create().replies(),
              recorder);
      new StructuredOutput(client)
          .call(LlmFixtures.request("requirements"), ProjectCharter.class, StreamListener.NONE);
    }

    assertThat(calls.forRun("run-1"))
        .hasSize(2)
        .allSatisfy(c -> assertThat(c.promptTokens()).isEqualTo(10))
        .allSatisfy(c -> assertThat(c.attempt()).isEqualTo(1));
    assertThat(journal.events("llm.usage")).hasSize(2);
  }
}
