package dev.forgeflow.agents.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgeflow.agents.llm.FakeLlmServer;
import dev.forgeflow.agents.llm.FakeResponse;
import dev.forgeflow.agents.llm.LlmSettings;
import dev.langchain4j.data.embedding.Embedding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The embeddings endpoint adapter: openai-java over HTTP against a fake OpenAI-compatible server
 * that answers each text with a vector of its length and its position.
 */
class OpenAiEmbeddingsTest {

  private static FakeResponse answer(JsonNode body) {
    StringBuilder data = new StringBuilder();
    JsonNode input = body.get("input");
    // answered out of order: the adapter puts them back by index
    for (int i = input.size() - 1; i >= 0; i--) {
      if (data.length() > 0) {
        data.append(',');
      }
      data.append(
          String.format(
              "{\"object\":\"embedding\",\"index\":%d,\"embedding\":[%d.0,%d.0,1.0]}",
              i, input.get(i).asText().length(), i));
    }
    return FakeResponse.json(
        200,
        "{\"object\":\"list\",\"model\":\"text-embedding-fake\",\"data\":["
            + data
            + "],\"usage\":{\"prompt_tokens\":3,\"total_tokens\":3}}");
  }

  private static LlmSettings settings(String baseUrl) {
    return LlmSettings.fromEnvironment(
            Map.of(
                "FORGEFLOW_LLM_BASE_URL", baseUrl,
                "FORGEFLOW_LLM_API_KEY", "sk-embeddings-test",
                "FORGEFLOW_LLM_MODEL", "fake-model"))
        .orElseThrow();
  }

  @Test
  void textsAreEmbeddedByTheEndpointInTheirOrderWithTheConfiguredModelAndKey() {
    try (FakeLlmServer server = FakeLlmServer.start(request -> answer(request.json()))) {
      Embedder embedder =
          OpenAiEmbeddings.embedder(settings(server.baseUrl()), "text-embedding-3-small");

      List<Embedding> embeddings = embedder.embedAll(List.of("a", "bbb", "cc"));

      assertThat(embedder.id()).isEqualTo("oa-text-embedding-3-small");
      assertThat(embeddings)
          .extracting(e -> e.vector()[0] + "/" + e.vector()[1])
          .containsExactly("1.0/0.0", "3.0/1.0", "2.0/2.0");
      assertThat(server.requests())
          .singleElement()
          .satisfies(
              request -> {
                assertThat(request.path()).endsWith("/embeddings");
                assertThat(request.json().get("model").asText())
                    .isEqualTo("text-embedding-3-small");
                assertThat(request.json().get("encoding_format").asText()).isEqualTo("float");
                assertThat(request.header("Authorization")).isEqualTo("Bearer sk-embeddings-test");
              });
    }
  }

  @Test
  void anEndpointThatRefusesIsAnError() {
    try (FakeLlmServer server =
        FakeLlmServer.start(request -> FakeResponse.error(401, "Incorrect API key provided"))) {
      Embedder embedder = OpenAiEmbeddings.embedder(settings(server.baseUrl()), "m");
      assertThatThrownBy(() -> embedder.embed("x")).hasMessageContaining("401");
    }
  }
}
