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

  /** Up to {@code limit} runs, the most recently created first. */
  List<RunRecord> recent(int limit);

  /**
   * The run with this id if {@code ownerId} owns it; someone else's run is empty, just as a run
   * that does not exist.
   */
  Optional<RunRecord> findOwned(String ownerId, String runId);

  /** Up to {@code limit} runs of {@code ownerId}, the most recently created first. */
  List<RunRecord> recentOwned(String ownerId, int limit);
}
