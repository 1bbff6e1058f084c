package dev.forgeflow.agents.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into embeddings, with a short id that names the model in collection names (so
 * embeddings of different models never share a collection).
 */
public final class Embedder {

  private static final int BATCH = 64;

  private final String id;
  private final EmbeddingModel model;

  public Embedder(String id, EmbeddingModel model) {
    this.id = id;
    this.model = model;
  }

  /** all-MiniLM-L6-v2, bundled in its jar and run in-process: nothing is downloaded. */
  public static Embedder bundled() {
    return new Embedder("minilm", new AllMiniLmL6V2EmbeddingModel());
  }

  /** The model's id in collection names: lower-case letters and digits. */
  public String id() {
    return id;
  }

  public Embedding embed(String text) {
    return model.embed(text).content();
  }

  public List<Embedding> embedAll(List<String> texts) {
    List<Embedding> all = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += BATCH) {
      List<TextSegment> batch =
          texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
              .map(TextSegment::from)
              .toList();
      all.addAll(model.embedAll(batch).content());
    }
    return all;
  }
}
