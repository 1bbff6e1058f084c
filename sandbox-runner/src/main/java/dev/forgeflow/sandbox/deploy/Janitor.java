package dev.forgeflow.sandbox.deploy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.sandbox.image.ProjectImages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Removes what nobody should still have, of its own instance only (containers, images and networks
 * labelled {@link SandboxInstance#LABEL} with its id): deployments past their expiry label,
 * deployments no known deployment owns, and check containers and images a crash left behind. Each
 * deployment goes with its network and, where iptables is usable, its firewall rules; where it is
 * not, the rules are left alone and iptables is never run. Safe to run while deploys are under way:
 * only what was created before a bound it is given goes.
 */
public final class Janitor {

  private final DockerClient docker;
  private final Deployments deployments;
  private final SandboxNetwork networks;
  private final SandboxInstance instance;

  /**
   * @param deployments the deployments of one instance
   * @throws IllegalArgumentException if they are not scoped to an instance
   */
  public Janitor(DockerClient docker, Deployments deployments) {
    if (deployments.instance() == null) {
      throw new IllegalArgumentException("A janitor sweeps the resources of one instance only");
    }
    this.docker = docker;
    this.deployments = deployments;
    this.networks = deployments.networks();
    this.instance = deployments.instance();
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
   * Removes the deployment containers created before {@code createdBefore} whose id is not in
   * {@code owned}, then deployment networks with no container and firewall rules of bridges with no
   * network; returns the containers' ids. A deploy under way owns no row yet: give a bound older
   * than the longest deploy.
   *
   * @param owned full ids of the containers known deployments own
   */
  public List<String> removeOrphans(Set<String> owned, Instant createdBefore) {
    List<String> removed = new ArrayList<>();
    for (Container container : deploymentContainers()) {
      if (!owned.contains(container.getId())
          && createdBefore(container.getCreated(), createdBefore)) {
        deployments.remove(container.getId());
        removed.add(container.getId());
      }
    }
    networks.removeUnused(instance);
    return removed;
  }

  /**
   * Removes the instance's check containers and project images created before {@code createdBefore}
   * whose run is not live: what a crash in the middle of a check leaves. An image a container still
   * uses stays. Returns how many containers and images went.
   */
  public int removeStale(Instant createdBefore, Predicate<String> liveRun) {
    int removed = 0;
    for (Container container : deployments.containers(Map.of())) {
      Map<String, String> labels = container.getLabels();
      if (!labels.containsKey(ServiceContainer.DEPLOYMENT_LABEL)
          && stale(labels, container.getCreated(), createdBefore, liveRun)) {
        removed +=
            remove(() -> docker.removeContainerCmd(container.getId()).withForce(true).exec());
      }
    }
    for (Image image : docker.listImagesCmd().withLabelFilter(instance.filter()).exec()) {
      Map<String, String> labels = image.getLabels() == null ? Map.of() : image.getLabels();
      if (stale(labels, image.getCreated(), createdBefore, liveRun)) {
        removed += remove(() -> docker.removeImageCmd(image.getId()).exec());
      }
    }
    return removed;
  }

  private static boolean stale(
      Map<String, String> labels, Long created, Instant bound, Predicate<String> liveRun) {
    String run = labels.get(ProjectImages.RUN_LABEL);
    return run != null && createdBefore(created, bound) && !liveRun.test(run);
  }

  private static boolean createdBefore(Long createdEpochSecond, Instant bound) {
    return createdEpochSecond != null && createdEpochSecond < bound.getEpochSecond();
  }

  private static int remove(Runnable removal) {
    try {
      removal.run();
      return 1;
    } catch (NotFoundException | ConflictException goneOrInUse) {
      return 0;
    }
  }

  private List<Container> deploymentContainers() {
    return deployments.containers(Map.of(ServiceContainer.DEPLOYMENT_LABEL, "true"));
  }
}
