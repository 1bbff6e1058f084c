package dev.forgeflow.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** In-memory {@link DeploymentStore}: one record per project, thread-safe. */
public final class InMemoryDeploymentStore implements DeploymentStore {
  private final InMemoryRunStore runs;
  private final Map<String, DeploymentRecord> byProject = new ConcurrentSkipListMap<>();

  InMemoryDeploymentStore(InMemoryRunStore runs) {
    this.runs = runs;
  }

  @Override
  public void save(DeploymentRecord deployment) {
    runs.requireRun(deployment.runId());
    byProject.put(deployment.project(), deployment);
  }

  @Override
  public Optional<DeploymentRecord> find(String project) {
    return Optional.ofNullable(byProject.get(project));
  }

  @Override
  public List<DeploymentRecord> all() {
    return List.copyOf(byProject.values());
  }

  @Override
  public void remove(String project) {
    byProject.remove(project);
  }
}
