package dev.forgeflow.store.projects;

import java.util.List;
import java.util.Optional;

/**
 * The documents attached to projects. Callers check that the project is the caller's first: the
 * store answers for any project id.
 */
public interface DocumentStore {

  /**
   * Stores a document with the id given (the caller indexes it under that id first).
   *
   * @throws java.util.NoSuchElementException if there is no such project
   */
  ProjectDocument add(String id, NewDocument document);

  /** A project's documents, the newest first. */
  List<ProjectDocument> list(String projectId);

  /** One of a project's documents. */
  Optional<ProjectDocument> find(String projectId, String documentId);

  /** The text of each page of a document; empty if there is no such document. */
  List<String> pages(String documentId);

  /** Removes one of a project's documents; false if there was none. */
  boolean delete(String projectId, String documentId);
}
