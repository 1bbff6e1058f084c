package dev.forgeflow.orchestrator.deploy;

import dev.forgeflow.sandbox.deploy.DeploymentInfo;
import dev.forgeflow.sandbox.deploy.Janitor;
import dev.forgeflow.store.DeploymentRecord;
import dev.forgeflow.store.DeploymentStore;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sweeps the sandbox before the workers start: containers labelled by Forgeflow that no deployment
 * row owns are removed, expired ones too, and rows whose container is gone are forgotten.
 */
public final class StartupJanitor {
  private static final Logger LOG = LoggerFactory.getLogger(StartupJanitor.class);
  private final Janitor janitor;
  private final DeploymentStore deployments;
  private final Clock clock;

  public StartupJanitor(Janitor janitor, DeploymentStore deployments, Clock clock) {
    this.janitor = janitor;
    this.deployments = deployments;
    this.clock = clock;
  }

  public void sweep(List<DeploymentInfo> running) {
    Set<String> owned =
        deployments.all().stream().map(DeploymentRecord::containerId).collect(Collectors.toSet());
    List<String> orphans = janitor.removeOrphans(owned);
    List<String> expired = janitor.removeExpired(clock.instant());
    Set<String> alive =
        running.stream()
            .map(DeploymentInfo::containerId)
            .filter(id -> !orphans.contains(id) && !expired.contains(id))
            .collect(Collectors.toSet());
    for (DeploymentRecord record : deployments.all()) {
      if (!alive.contains(record.containerId())) {
        deployments.remove(record.project());
      }
    }
    if (!orphans.isEmpty() || !expired.isEmpty()) {
      LOG.info(
          "janitor removed {} orphaned and {} expired deployments", orphans.size(), expired.size());
    }
  }
}
