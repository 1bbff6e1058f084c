package dev.forgeflow.agents;

import dev.forgeflow.store.ArtifactStore;
import dev.forgeflow.store.StoredArtifact;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fake {@link ArtifactStore} whose first save fails, as if the database went away; it keeps what
 * it refused so a test can compare it with what the retry saved.
 */
final class FakeArtifactStoreFailingOnce implements ArtifactStore {
  private final ArtifactStore store;
  private final AtomicBoolean failed = new AtomicBoolean();
  private final List<String> refused = new CopyOnWriteArrayList<>();

  FakeArtifactStoreFailingOnce(ArtifactStore store) {
    this.store = store;
  }

  @Override
  public String save(String runId, String kind, String json) {
    if (failed.compareAndSet(false, true)) {
      refused.add(json);
      throw new IllegalStateException("fake artifact store: the connection was lost");
    }
    return store.save(runId, kind, json);
  }

  @Override
  public StoredArtifact load(String artifactId) {
    return store.load(artifactId);
  }

  @Override
  public Optional<StoredArtifact> latest(String runId, String kind) {
    return store.latest(runId, kind);
  }

  List<String> refused() {
    return List.copyOf(refused);
  }
}
