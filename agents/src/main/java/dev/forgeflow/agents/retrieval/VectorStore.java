package dev.forgeflow.agents.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import java.util.List;
import java.util.Map;

/**
 * Where embedded chunks are kept and searched, by named collection. Filters ({@code where}) match
 * metadata values exactly, all of them; a value that is a {@link List} matches any of its elements.
 * Scores are comparable between adapters: cosine similarity mapped to 0..1.
 *
 * @see EmbeddedVectorStore the default, persisted in the data dir
 * @see ChromaVectorStore a Chroma 1.x server
 */
public interface VectorStore {

  /** What it is and where, for messages: {@code Chroma at http://127.0.0.1:8000}. */
  String describe();

  /**
   * Adds chunks with their embeddings, replacing chunks with the same ids.
   *
   * @throws VectorStoreUnavailableException if the store cannot be reached
   */
  void upsert(String collection, List<Chunk> chunks, List<Embedding> embeddings);

  /**
   * The {@code limit} chunks most similar to the query that match {@code where}, best first.
   *
   * @throws VectorStoreUnavailableException if the store cannot be reached
   */
  List<ScoredChunk> search(
      String collection, Embedding query, Map<String, Object> where, int limit);

  /**
   * Removes every chunk that matches {@code where}.
   *
   * @throws VectorStoreUnavailableException if the store cannot be reached
   */
  void remove(String collection, Map<String, Object> where);
}
