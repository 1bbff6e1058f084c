package dev.forgeflow.store.projects;

import java.util.List;
import java.util.Optional;

/**
 * Users' projects. Every read and write names the owner: someone else's project is treated exactly
 * as one that does not exist. Bad names throw {@link IllegalArgumentException} with a message for
 * the client ({@link ProjectNames}).
 */
public interface ProjectStore {

  /**
   * Creates a project for its owner.
   *
   * @throws DuplicateProjectException if the owner has a live project of that name (any case)
   * @throws java.util.NoSuchElementException if there is no such user
   */
  Project create(String ownerId, String name);

  /** The owner's live project with this id, or empty (also when it is someone else's). */
  Optional<Project> findOwned(String ownerId, String projectId);

  /** The owner's live project with this name, whatever its case, or empty. */
  Optional<Project> findNamed(String ownerId, String name);

  /**
   * Up to {@code limit} of the owner's live projects after skipping {@code offset}, newest first.
   */
  List<Project> listOwned(String ownerId, int limit, int offset);

  /**
   * Renames the owner's project.
   *
   * @return the renamed project, or empty if the owner has no such live project
   * @throws DuplicateProjectException if another of the owner's projects has that name
   */
  Optional<Project> rename(String ownerId, String projectId, String name);

  /**
   * Deletes the owner's project: from then on neither it nor its runs are found by anyone.
   *
   * @return false if the owner had no such live project
   */
  boolean delete(String ownerId, String projectId);
}
