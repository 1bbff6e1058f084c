package dev.forgeflow.store;

import java.util.List;
import java.util.Optional;

/** Creates runs and keeps their status, project name and result. */
public interface RunStore {

  /** The status of a run that was just created. */
  String QUEUED = "QUEUED";

  /**
   * Stores a new run with status {@link #QUEUED} and returns its id, a new random UUID.
   *
   * @throws java.util.NoSuchElementException if the run names an owner that is not a user
   */
  String create(NewRun run);

  /**
   * Creates a run unless its owner created one with the same {@code idempotencyKey} before: then
   * that run, if it was created by the same request ({@code requestHash}). Two concurrent creates
   * with one key make one run.
   *
   * @param run the run; it must have an owner
   * @param idempotencyKey the client's key for the request (at most 255 characters)
   * @param requestHash a digest of the request, compared with the first one's
   * @throws IdempotencyConflictException if the key created a run for another request
   * @throws java.util.NoSuchElementException if the run names an owner or project that is not one
   */
  CreatedRun createOnce(NewRun run, String idempotencyKey, String requestHash);

  /** The run with this id, or empty if there is none. */
  Optional<RunRecord> find(String runId);

  /**
   * Sets the run's status and its update time; setting the same status twice is harmless.
   *
   * @throws java.util.NoSuchElementException if there is no such run
   */
  void setStatus(String runId, String status);

  /**
   * Sets the name of the project the run builds.
   *
   * @throws java.util.NoSuchElementException if there is no such run
   */
  void setProjectName(String runId, String name);

  /**
   * Sets the run's final result, a JSON document; a later call replaces it.
   *
   * @throws java.util.NoSuchElementException if there is no such run
   */
  void setResult(String runId, String resultJson);

  /**
   * Records the Docker host the run's sandbox work goes to; a later call (the run moved) replaces
   * it.
   *
   * @throws java.util.NoSuchElementException if there is no such run
   */
  void setSandboxHost(String runId, String host);

  /** The Docker host the run's sandbox work went to, if it has one. */
  Optional<String> sandboxHost(String runId);

  /** Up to {@code limit} runs, the most recently created first. */
  List<RunRecord> recent(int limit);

  /**
   * The run with this id if {@code ownerId} owns it; someone else's run is empty, just as a run
   * that does not exist, and so is a run of a deleted project.
   */
  Optional<RunRecord> findOwned(String ownerId, String runId);

  /** Up to {@code limit} runs of {@code ownerId}, the most recently created first. */
  List<RunRecord> recentOwned(String ownerId, int limit);

  /**
   * One page of an owner's runs (none of a deleted project), newest first.
   *
   * @throws IllegalArgumentException if the query's cursor is not one this store gave out
   */
  RunPage listOwned(RunQuery query);

  /** Every run of the owner's project, deleted or not, the newest first. */
  List<RunRecord> runsOf(String ownerId, String projectId);
}
