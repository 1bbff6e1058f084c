package dev.forgeflow.agents.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Chroma adapter honours the {@link VectorStoreContract} against a real Chroma server ({@code
 * chroma run}, started by the test script and named by {@code FORGEFLOW_IT_CHROMA_URL}), and a
 * server that is not there is an unavailable store named by its URL.
 */
class ChromaVectorStoreIT extends VectorStoreContract {

  static String chromaUrl() {
    String url = System.getenv("FORGEFLOW_IT_CHROMA_URL");
    assertThat(url)
        .as("FORGEFLOW_IT_CHROMA_URL must name a Chroma server: run ./scripts/test")
        .isNotBlank();
    return url;
  }

  private final ChromaVectorStore store =
      new ChromaVectorStore(chromaUrl(), Duration.ofSeconds(20));

  @Override
  protected VectorStore store() {
    return store;
  }

  @org.junit.jupiter.api.Test
  void aServerThatIsNotThereIsUnavailableAndNamedByItsUrl() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    ChromaVectorStore gone = new ChromaVectorStore(url, Duration.ofSeconds(2));
    Embedder embedder = SharedEmbedder.get();

    assertThatThrownBy(() -> gone.search("any", embedder.embed("x"), Map.of(), 1))
        .isInstanceOf(VectorStoreUnavailableException.class)
        .hasMessageStartingWith("Chroma at " + url + " is not answering");
    assertThatThrownBy(
            () ->
                gone.upsert(
                    "any", List.of(new Chunk("a", "x", Map.of())), List.of(embedder.embed("x"))))
        .isInstanceOf(VectorStoreUnavailableException.class)
        .hasMessageContaining(url);
  }
}
