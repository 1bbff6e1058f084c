package dev.forgeflow.orchestrator.gateway;

import dev.forgeflow.agents.retrieval.CodeQuestions;
import dev.forgeflow.agents.retrieval.DocumentRefused;
import dev.forgeflow.agents.retrieval.DocumentText;
import dev.forgeflow.agents.retrieval.Passage;
import dev.forgeflow.agents.retrieval.Retrieval;
import dev.forgeflow.agents.retrieval.VectorStoreUnavailableException;
import dev.forgeflow.gateway.Problems;
import dev.forgeflow.gateway.ProjectKnowledge;
import dev.forgeflow.store.BundleVersion;
import dev.forgeflow.store.projects.DocumentStore;
import dev.forgeflow.store.projects.NewDocument;
import dev.forgeflow.store.projects.ProjectDocument;
import io.temporal.failure.ApplicationFailure;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * The gateway's documents and code questions on this server's retrieval: a document is read,
 * indexed, then stored (a refusal or a store that is down changes nothing); removing one takes its
 * passages out of the vector store first.
 */
final class GatewayKnowledge implements ProjectKnowledge {

  private static final Logger log = LoggerFactory.getLogger(GatewayKnowledge.class);

  private final Retrieval retrieval;
  private final DocumentStore documents;
  private final CodeQuestions questions;

  GatewayKnowledge(Retrieval retrieval, DocumentStore documents, CodeQuestions questions) {
    this.retrieval = retrieval;
    this.documents = documents;
    this.questions = questions;
  }

  @Override
  public ProjectDocument attach(String projectId, String fileName, byte[] content) {
    DocumentText.Read read;
    try {
      read = DocumentText.read(fileName, content);
    } catch (DocumentRefused refused) {
      throw refusal(refused);
    }
    String id = "doc_" + UUID.randomUUID().toString().replace("-", "");
    int chunks =
        unlessUnavailable(() -> retrieval.indexDocument(projectId, id, read.name(), read.pages()));
    try {
      return documents.add(
          id,
          new NewDocument(
              projectId,
              read.name(),
              read.mediaType(),
              content.length,
              DocumentText.sha256(content),
              read.pages(),
              chunks));
    } catch (RuntimeException e) {
      forgetDocument(projectId, id);
      if (e instanceof NoSuchElementException) {
        throw Problems.notFound("You have no project " + projectId);
      }
      throw e;
    }
  }

  @Override
  public boolean detach(String projectId, String documentId) {
    if (documents.find(projectId, documentId).isEmpty()) {
      return false;
    }
    unlessUnavailable(
        () -> {
          retrieval.removeDocument(projectId, documentId);
          return null;
        });
    return documents.delete(projectId, documentId);
  }

  @Override
  public void forget(String projectId) {
    try {
      retrieval.removeProject(projectId);
    } catch (VectorStoreUnavailableException e) {
      log.warn(
          "the passages of deleted project {} stay in the store: {}", projectId, e.getMessage());
    }
  }

  @Override
  public Answer ask(String projectId, BundleVersion bundle, String question) {
    CodeQuestions.Found found;
    try {
      found = unlessUnavailable(() -> questions.ask(projectId, bundle, question));
    } catch (ApplicationFailure failure) {
      throw Problems.status(
          HttpStatus.BAD_GATEWAY,
          "Bad Gateway",
          "The model did not answer: " + failure.getOriginalMessage());
    }
    return new Answer(
        question,
        found.planner(),
        found.answer(),
        bundle.runId(),
        bundle.id(),
        bundle.version(),
        found.passages().stream().map(GatewayKnowledge::source).toList());
  }

  private static Source source(Passage passage) {
    return new Source(
        passage.label(), passage.startLine(), passage.endLine(), passage.score(), passage.text());
  }

  private void forgetDocument(String projectId, String documentId) {
    try {
      retrieval.removeDocument(projectId, documentId);
    } catch (VectorStoreUnavailableException e) {
      log.warn("the passages of document {} stay in the store: {}", documentId, e.getMessage());
    }
  }

  private static <T> T unlessUnavailable(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (VectorStoreUnavailableException e) {
      throw Problems.unavailable(e.getMessage());
    }
  }

  private static RuntimeException refusal(DocumentRefused refused) {
    return switch (refused.reason()) {
      case TOO_LARGE -> Problems.payloadTooLarge(refused.getMessage());
      case UNSUPPORTED_TYPE ->
          Problems.status(
              HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", refused.getMessage());
      default -> Problems.badRequest(refused.getMessage());
    };
  }
}
