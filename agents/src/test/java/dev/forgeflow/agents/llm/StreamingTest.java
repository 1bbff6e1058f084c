package dev.forgeflow.agents.llm;

import static dev.forgeflow.agents.llm.LlmFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.store.JournalEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StreamingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void deltasReachTheListenerInOrderAndUsageComesFromTheLastChunk() {
    List<String> deltas = List.of("def ", "add(a, b):", "\n    return ", "a + b\n");
    try (FakeLlmServer server =
        FakeLlmServer.scripted(FakeResponse.stream("fake-model", deltas, 40, 9))) {
      List<String> received = new ArrayList<>();
      LlmReply reply =
          LlmClients.openAi(settings(server.baseUrl())).complete(streamed(), received::add);

      assertThat(received).containsExactlyElementsOf(deltas);
      assertThat(reply.text()).isEqualTo(String.join("", deltas));
      assertThat(reply.promptTokens()).isEqualTo(40);
      assertThat(reply.completionTokens()).isEqualTo(9);
      JsonNode sent = server.requests().get(0).json();
      assertThat(sent.path("stream").asBoolean()).isTrue();
      assertThat(sent.path("stream_options").path("include_usage").asBoolean()).isTrue();
    }
  }

  @Test
  void streamProgressBatchesManyDeltasIntoFewEvents() throws Exception {
    List<String> deltas = IntStream.range(0, 40).mapToObj(i -> "tok" + i + " ").toList();
    int total = deltas.stream().mapToInt(String::length).sum();
    FakeResponse slowStream =
        FakeResponse.stream("fake-model", deltas, 1, 40).pausing(Duration.ofMillis(20));
    FakeRunJournal journal = new FakeRunJournal();
    try (FakeLlmServer server = FakeLlmServer.scripted(slowStream)) {
      try (StreamProgress progress = new StreamProgress(journal, "run-1", "app/main.py", 2)) {
        LlmClients.openAi(settings(server.baseUrl())).complete(streamed(), progress);
      }
    }

    List<JournalEvent> events = journal.events(StreamProgress.EVENT_TYPE);
    // 40 deltas over ~800 ms: at most one event per 250 ms plus the closing one.
    assertThat(events).hasSizeBetween(2, 6);
    List<Long> chars = new ArrayList<>();
    for (JournalEvent event : events) {
      JsonNode payload = JSON.readTree(event.payloadJson());
      assertThat(payload.path("path").asText()).isEqualTo("app/main.py");
      assertThat(payload.path("attempt").asInt()).isEqualTo(2);
      assertThat(event.attempt()).isEqualTo(2);
      chars.add(payload.path("chars").asLong());
    }
    assertThat(chars).isSorted().doesNotHaveDuplicates();
    assertThat(chars.get(chars.size() - 1)).isEqualTo(total);
  }

  private static LlmRequest streamed() {
    return new LlmRequest("run-1", "implementer", "fake-model", "", "Write add.", null, true);
  }
}
