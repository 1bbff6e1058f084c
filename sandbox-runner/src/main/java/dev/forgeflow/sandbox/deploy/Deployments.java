package dev.forgeflow.sandbox.deploy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.forgeflow.sandbox.image.ProjectImages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The running deployments, read from their containers' labels: list, stop, logs, remove. */
public final class Deployments {

  private final DockerClient docker;
  private final SandboxNetwork networks;

  public Deployments(DockerClient docker, EgressRules rules) {
    this.docker = docker;
    this.networks = new SandboxNetwork(docker, rules);
  }

  /** Every deployment container, running or not, oldest project first. */
  public List<DeploymentInfo> list() {
    List<DeploymentInfo> deployments = new ArrayList<>();
    for (Container container : containers(Map.of(ServiceContainer.DEPLOYMENT_LABEL, "true"))) {
      try {
        deployments.add(info(docker.inspectContainerCmd(container.getId()).exec()));
      } catch (NotFoundException removedMeanwhile) {
        // not a deployment any more
      }
    }
    return deployments;
  }

  /** Removes the project's deployment and its network; returns whether there was one. */
  public boolean stop(String project) {
    List<Container> found = containersOf(project);
    found.forEach(container -> remove(container.getId()));
    networks.remove(SandboxNetwork.name(project));
    return !found.isEmpty();
  }

  /**
   * Hands the last {@code tail} lines of the project's log to {@code lines}, then, with {@code
   * follow}, every new line until the stream is closed or the container stops.
   *
   * @throws NotFoundException if the project has no deployment
   */
  public LogStream logs(String project, int tail, boolean follow, Consumer<String> lines) {
    List<Container> found = containersOf(project);
    if (found.isEmpty()) {
      throw new NotFoundException("No deployment of project " + project);
    }
    return docker
        .logContainerCmd(found.get(0).getId())
        .withStdOut(true)
        .withStdErr(true)
        .withTail(tail)
        .withFollowStream(follow)
        .exec(new LogStream(lines));
  }

  /** Force-removes a deployment container and its network; a missing one is fine. */
  void remove(String containerId) {
    String network = null;
    try {
      InspectContainerResponse container = docker.inspectContainerCmd(containerId).exec();
      network = container.getHostConfig().getNetworkMode();
      docker.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException gone) {
      // cleanup is idempotent
    }
    if (network != null && network.startsWith("forgeflow-")) {
      networks.remove(network);
    }
  }

  SandboxNetwork networks() {
    return networks;
  }

  List<Container> containersOf(String project) {
    return containers(
        Map.of(ServiceContainer.DEPLOYMENT_LABEL, "true", ProjectImages.PROJECT_LABEL, project));
  }

  List<Container> containers(Map<String, String> labels) {
    return docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec();
  }

  static DeploymentInfo info(InspectContainerResponse container) {
    Map<String, String> labels = container.getConfig().getLabels();
    String url;
    try {
      url = "http://" + ServiceContainer.LOOPBACK + ":" + ServiceContainer.hostPort(container);
    } catch (RuntimeException notPublished) {
      url = "";
    }
    return new DeploymentInfo(
        labels.get(ProjectImages.PROJECT_LABEL),
        container.getId(),
        url,
        status(container.getState()),
        labels.get(ProjectImages.RUN_LABEL),
        expires(labels));
  }

  static String status(InspectContainerResponse.ContainerState state) {
    if (Boolean.TRUE.equals(state.getRunning())) {
      return "running";
    }
    if (Boolean.TRUE.equals(state.getOOMKilled())) {
      return "oom-killed";
    }
    return "exited " + state.getExitCodeLong();
  }

  static Instant expires(Map<String, String> labels) {
    try {
      return Instant.ofEpochSecond(Long.parseLong(labels.get(ServiceContainer.EXPIRES_LABEL)));
    } catch (RuntimeException unreadable) {
      return Instant.EPOCH;
    }
  }
}
