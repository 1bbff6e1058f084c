package dev.forgeflow.bench.retrieval;

import dev.forgeflow.agents.retrieval.ChromaVectorStore;
import dev.forgeflow.agents.retrieval.EmbeddedVectorStore;
import dev.forgeflow.agents.retrieval.Embedder;
import dev.forgeflow.agents.retrieval.RetrievalEvaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Recall@5, MRR@10, index time per passage and query time of the labelled retrieval sets (the
 * knowledge base's questions and a generated project's), with the embedded store and with a Chroma
 * server, side by side in one run on the same embeddings. Usage: {@code --chroma=URL}.
 */
public final class RetrievalBenchmark {
  private RetrievalBenchmark() {}

  public static void main(String[] args) throws Exception {
    String chroma = null;
    for (String arg : args) {
      if (arg.startsWith("--chroma=")) {
        chroma = arg.substring("--chroma=".length());
      }
    }
    if (chroma == null || chroma.isBlank()) {
      System.err.println("usage: RetrievalBenchmark --chroma=http://127.0.0.1:PORT");
      System.exit(2);
    }
    Embedder embedder = Embedder.bundled();
    embedder.embed("warm up the model");
    Path dir = Files.createTempDirectory("forgeflow-bench-vectors");
    String project = "bench-" + UUID.randomUUID();
    List<RetrievalEvaluation.Figures> embedded =
        RetrievalEvaluation.run(embedder, new EmbeddedVectorStore(dir), project);
    List<RetrievalEvaluation.Figures> chromaFigures =
        RetrievalEvaluation.run(
            embedder, new ChromaVectorStore(chroma, Duration.ofSeconds(30)), project);
    System.out.println("retrieval on the labelled sets (all-MiniLM-L6-v2 embeddings, in-process)");
    print("embedded", embedded);
    print("chroma", chromaFigures);
  }

  private static void print(String adapter, List<RetrievalEvaluation.Figures> figures) {
    for (RetrievalEvaluation.Figures f : figures) {
      System.out.printf("%-8s %s%n", adapter, f.line());
    }
  }
}
