package dev.forgeflow.agents.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.chroma.ChromaApiVersion;
import dev.langchain4j.store.embedding.chroma.ChromaEmbeddingStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A Chroma 1.x server through langchain4j's Chroma client, speaking Chroma's v2 API: one Chroma
 * collection per collection name, created on first use. Anything that fails on the way to the
 * server is a {@link VectorStoreUnavailableException} naming its URL.
 */
public final class ChromaVectorStore implements VectorStore {

  private final String baseUrl;
  private final Duration timeout;
  private final Map<String, ChromaEmbeddingStore> collections = new ConcurrentHashMap<>();

  public ChromaVectorStore(String baseUrl, Duration timeout) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.timeout = timeout;
  }

  @Override
  public String describe() {
    return "Chroma at " + baseUrl;
  }

  @Override
  public void upsert(String collection, List<Chunk> chunks, List<Embedding> embeddings) {
    if (chunks.size() != embeddings.size()) {
      throw new IllegalArgumentException("one embedding per chunk");
    }
    if (chunks.isEmpty()) {
      return;
    }
    call(
        () -> {
          ChromaEmbeddingStore store = open(collection);
          List<String> ids = chunks.stream().map(Chunk::id).toList();
          // Chroma's add ignores ids it already has: remove them first, so the new text wins
          store.removeAll(ids);
          store.addAll(ids, embeddings, Filters.segments(chunks));
          return null;
        });
  }

  @Override
  public List<ScoredChunk> search(
      String collection, Embedding query, Map<String, Object> where, int limit) {
    return call(
        () -> {
          return open(collection).search(Filters.search(query, where, limit)).matches().stream()
              .map(EmbeddedVectorStore::scored)
              .toList();
        });
  }

  @Override
  public void remove(String collection, Map<String, Object> where) {
    call(
        () -> {
          ChromaEmbeddingStore store = open(collection);
          if (where.isEmpty()) {
            store.removeAll();
          } else {
            store.removeAll(Filters.of(where));
          }
          return null;
        });
  }

  private ChromaEmbeddingStore open(String collection) {
    return collections.computeIfAbsent(
        collection,
        name ->
            ChromaEmbeddingStore.builder()
                .apiVersion(ChromaApiVersion.V2)
                .baseUrl(baseUrl)
                .collectionName(name)
                .timeout(timeout)
                .build());
  }

  private <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (RuntimeException e) {
      throw new VectorStoreUnavailableException(describe() + " is not answering: " + reason(e), e);
    }
  }

  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    String kind = root.getClass().getSimpleName();
    return message == null || message.isBlank() ? kind : kind + ": " + message;
  }
}
