package dev.forgeflow.gateway;

import dev.forgeflow.store.BundleVersion;
import dev.forgeflow.store.projects.ProjectDocument;
import java.util.List;

/**
 * What the gateway asks of retrieval: attaching documents to projects and answering questions about
 * a project's code. The server that holds the vector store and the embeddings (the orchestrator)
 * implements it. Every method blocks (parsing, embedding, the store): callers keep it off the event
 * loop. Refusals are problems ({@link Problems}): 400, 413 and 415 for documents that cannot be
 * attached, 503 naming the vector store when it cannot be reached.
 */
public interface ProjectKnowledge {

  /** Reads, indexes and stores a document for a project the caller owns. */
  ProjectDocument attach(String projectId, String fileName, byte[] content);

  /** Removes one of a project's documents and its passages; false if it has none such. */
  boolean detach(String projectId, String documentId);

  /** Forgets every passage of a deleted project; never fails the deletion. */
  void forget(String projectId);

  /** Answers a question about a bundle version of a run of the project. */
  Answer ask(String projectId, BundleVersion bundle, String question);

  /**
   * An answer: the model's text citing {@code file:line} ranges (null when no model is configured),
   * and the passages it was given, best first.
   */
  record Answer(
      String question,
      String planner,
      String answer,
      String runId,
      String bundleId,
      int version,
      List<Source> sources) {}

  /** A passage of code: its file, its lines (1-based, inclusive), how well it matched, its text. */
  record Source(String path, int startLine, int endLine, double score, String text) {}
}
