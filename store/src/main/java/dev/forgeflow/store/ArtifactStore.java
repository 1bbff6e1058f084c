package dev.forgeflow.store;

import java.util.Optional;

/** Keeps the JSON artifacts of runs; events carry their ids instead of their content. */
public interface ArtifactStore {

  /**
   * Stores an artifact and returns its new id. Every call stores a new artifact. Text PostgreSQL
   * cannot hold (NUL, unpaired surrogates) is stored as U+FFFD.
   *
   * @throws java.util.NoSuchElementException if there is no such run
   * @throws UnstorableContentException if {@code json} is not JSON
   */
  String save(String runId, String kind, String json);

  /**
   * The artifact with this id.
   *
   * @throws java.util.NoSuchElementException if there is none
   */
  StoredArtifact load(String artifactId);

  /** The artifact of this kind that the run saved last, or empty if it saved none. */
  Optional<StoredArtifact> latest(String runId, String kind);
}
