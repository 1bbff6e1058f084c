package dev.forgeflow.agents.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Retrieval for tests: the bundled embeddings and knowledge base over an embedded store. */
public final class TestRetrieval {
  private TestRetrieval() {}

  /** A new embedded store in a new temporary directory. */
  public static Retrieval embedded() {
    try {
      return new Retrieval(
          SharedEmbedder.get(),
          new EmbeddedVectorStore(Files.createTempDirectory("forgeflow-vectors")),
          KnowledgeBase.bundled());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
