package dev.forgeflow.agents.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.embedding.Embedding;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link VectorStore} adapter promises; run against each one. */
abstract class VectorStoreContract {

  private final Embedder embedder = SharedEmbedder.get();

  /** The store under test. */
  protected abstract VectorStore store();

  private final String collection = "contract-" + UUID.randomUUID().toString().substring(0, 8);

  private static Chunk chunk(String id, String text, Map<String, Object> metadata) {
    return new Chunk(id, text, metadata);
  }

  private void add(Chunk... chunks) {
    List<Chunk> list = List.of(chunks);
    store().upsert(collection, list, embedder.embedAll(list.stream().map(Chunk::text).toList()));
  }

  private List<ScoredChunk> search(String query, Map<String, Object> where, int limit) {
    return store().search(collection, embedder.embed(query), where, limit);
  }

  @Test
  void theBestMatchComesFirstWithItsTextMetadataAndACosineScore() {
    add(
        chunk("a", "Prices are validated to be positive numbers", Map.of("project", "p1", "n", 1)),
        chunk("b", "The weather in Lisbon is sunny in July", Map.of("project", "p1", "n", 2)),
        chunk(
            "c",
            "Passwords are hashed with bcrypt before storage",
            Map.of("project", "p1", "n", 3)));

    List<ScoredChunk> found = search("where is the price checked?", Map.of(), 3);

    assertThat(found).hasSize(3);
    assertThat(found.get(0).chunk().id()).isEqualTo("a");
    assertThat(found.get(0).chunk().text())
        .isEqualTo("Prices are validated to be positive numbers");
    assertThat(found.get(0).chunk().metadata())
        .containsEntry("project", "p1")
        .containsEntry("n", 1);
    assertThat(found)
        .extracting(ScoredChunk::score)
        .isSortedAccordingTo((x, y) -> Double.compare(y, x));
    Embedding query = embedder.embed("where is the price checked?");
    Embedding best = embedder.embed("Prices are validated to be positive numbers");
    assertThat(found.get(0).score()).isCloseTo((1 + cosine(query, best)) / 2, within(1e-3));
  }

  @Test
  void filtersMatchStringsIntegersAndAnyOfAList() {
    add(
        chunk("a", "books have titles", Map.of("project", "p1", "kind", "pattern", "page", 1)),
        chunk("b", "books have authors", Map.of("project", "p2", "kind", "pattern", "page", 1)),
        chunk("c", "books have prices", Map.of("project", "p1", "kind", "security", "page", 2)),
        chunk("d", "books have reviews", Map.of("project", "p1", "kind", "testing", "page", 2)));

    assertThat(ids(search("books", Map.of("project", "p1"), 10)))
        .containsExactlyInAnyOrder("a", "c", "d");
    assertThat(ids(search("books", Map.of("project", "p1", "page", 2), 10)))
        .containsExactlyInAnyOrder("c", "d");
    assertThat(ids(search("books", Map.of("kind", List.of("security", "testing")), 10)))
        .containsExactlyInAnyOrder("c", "d");
    assertThat(ids(search("books", Map.of("project", "p9"), 10))).isEmpty();
    assertThat(search("books", Map.of(), 2)).hasSize(2);
  }

  @Test
  void upsertingAnIdAgainReplacesItsTextAndRemoveTakesWhatMatches() {
    add(
        chunk("a", "first words", Map.of("document", "d1")),
        chunk("b", "other words", Map.of("document", "d2")));
    add(chunk("a", "second words", Map.of("document", "d1")));

    assertThat(search("words", Map.of("document", "d1"), 10))
        .singleElement()
        .satisfies(hit -> assertThat(hit.chunk().text()).isEqualTo("second words"));

    store().remove(collection, Map.of("document", "d1"));
    assertThat(ids(search("words", Map.of(), 10))).containsExactly("b");
  }

  @Test
  void collectionsAreSeparateAndAnUnknownOneIsEmpty() {
    add(chunk("a", "kept here", Map.of("project", "p1")));
    assertThat(store().search(collection + "-other", embedder.embed("kept"), Map.of(), 5))
        .isEmpty();
  }

  private static List<String> ids(List<ScoredChunk> found) {
    return found.stream().map(hit -> hit.chunk().id()).toList();
  }

  private static double cosine(Embedding a, Embedding b) {
    float[] x = a.vector();
    float[] y = b.vector();
    double dot = 0;
    double nx = 0;
    double ny = 0;
    for (int i = 0; i < x.length; i++) {
      dot += x[i] * y[i];
      nx += x[i] * x[i];
      ny += y[i] * y[i];
    }
    return dot / Math.sqrt(nx * ny);
  }
}
