package dev.forgeflow.sandbox.deploy;

import com.github.dockerjava.api.model.Container;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes deployments nobody should still have: those past their expiry label, and, at start-up,
 * those no known deployment owns. Each goes with its network and firewall rules.
 */
public final class Janitor {

  private final Deployments deployments;
  private final SandboxNetwork networks;

  public Janitor(Deployments deployments) {
    this.deployments = deployments;
    this.networks = deployments.networks();
  }

  /** Removes the deployments whose expiry is at or before {@code now}; returns their ids. */
  public List<String> removeExpired(Instant now) {
    List<String> removed = new ArrayList<>();
    for (Container container : deploymentContainers()) {
      if (!Deployments.expires(container.getLabels()).isAfter(now)) {
        deployments.remove(container.getId());
        removed.add(container.getId());
      }
    }
    return removed;
  }

  /**
   * Removes the deployment containers whose id is not in {@code owned}, then deployment networks
   * with no container and firewall rules of bridges with no network; returns the containers' ids.
   * Meant for start-up, before any deploy runs: a deploy half-way through would lose its network.
   *
   * @param owned full ids of the containers known deployments own
   */
  public List<String> removeOrphans(Set<String> owned) {
    List<String> removed = new ArrayList<>();
    for (Container container : deploymentContainers()) {
      if (!owned.contains(container.getId())) {
        deployments.remove(container.getId());
        removed.add(container.getId());
      }
    }
    networks.removeUnused();
    return removed;
  }

  private List<Container> deploymentContainers() {
    return deployments.containers(Map.of(ServiceContainer.DEPLOYMENT_LABEL, "true"));
  }
}
