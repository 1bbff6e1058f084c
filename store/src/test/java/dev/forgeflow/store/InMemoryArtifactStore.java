package dev.forgeflow.store;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A fake {@link ArtifactStore} in memory; thread-safe. */
public final class InMemoryArtifactStore implements ArtifactStore {

  private final InMemoryRunStore runs;
  private final List<StoredArtifact> artifacts = new ArrayList<>();

  public InMemoryArtifactStore(InMemoryRunStore runs) {
    this.runs = runs;
  }

  @Override
  public synchronized String save(String runId, String kind, String json) {
    Objects.requireNonNull(json, "json");
    runs.requireRun(runId);
    String id = UUID.randomUUID().toString();
    String storable = StorableJson.of(json, "the " + kind + " artifact of run " + runId);
    artifacts.add(new StoredArtifact(id, runId, kind, storable, InMemoryRunStore.now()));
    return id;
  }

  @Override
  public synchronized StoredArtifact load(String artifactId) {
    return artifacts.stream()
        .filter(artifact -> artifact.id().equals(artifactId))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("No artifact with id " + artifactId));
  }

  @Override
  public synchronized Optional<StoredArtifact> latest(String runId, String kind) {
    for (int i = artifacts.size() - 1; i >= 0; i--) {
      StoredArtifact artifact = artifacts.get(i);
      if (artifact.runId().equals(runId) && artifact.kind().equals(kind)) {
        return Optional.of(artifact);
      }
    }
    return Optional.empty();
  }
}
