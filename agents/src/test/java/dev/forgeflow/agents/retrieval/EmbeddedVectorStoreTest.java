package dev.forgeflow.agents.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store honours the {@link VectorStoreContract} and outlives its process. */
class EmbeddedVectorStoreTest extends VectorStoreContract {

  @TempDir Path dir;
  private EmbeddedVectorStore store;

  @Override
  protected VectorStore store() {
    if (store == null) {
      store = new EmbeddedVectorStore(dir.resolve("vectors"));
    }
    return store;
  }

  @Test
  void whatWasIndexedIsFoundAgainByTheNextProcessOnTheSameDataDir() {
    Embedder embedder = SharedEmbedder.get();
    Chunk chunk = new Chunk("a", "orders have a total price", Map.of("project", "p1"));
    store().upsert("kept", List.of(chunk), List.of(embedder.embed(chunk.text())));

    EmbeddedVectorStore reopened = new EmbeddedVectorStore(dir.resolve("vectors"));

    assertThat(reopened.search("kept", embedder.embed("total price"), Map.of("project", "p1"), 3))
        .singleElement()
        .satisfies(hit -> assertThat(hit.chunk()).isEqualTo(chunk));
    assertThat(dir.resolve("vectors/kept.json")).isRegularFile();
    assertThat(dir.resolve("vectors/kept.json.writing")).doesNotExist();
  }
}
