package dev.forgeflow.agents.retrieval;

/** One bundled embedding model for all the tests of a JVM: loading it takes a second or two. */
final class SharedEmbedder {
  private static Embedder embedder;

  private SharedEmbedder() {}

  static synchronized Embedder get() {
    if (embedder == null) {
      embedder = Embedder.bundled();
    }
    return embedder;
  }
}
