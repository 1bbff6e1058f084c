package dev.forgeflow.sandbox.deploy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.sandbox.image.ProjectImages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The deployments, read from their containers' labels: list, stop, logs, remove. Scoped to one
 * {@link SandboxInstance}, or, without one (the CLI), to every Forgeflow deployment on the daemon.
 * A project is named by its id or, when only one project has it, by its name.
 */
public final class Deployments {

  private final DockerClient docker;
  private final SandboxNetwork networks;
  private final SandboxInstance instance;

  /** Every instance's deployments on the daemon. */
  public Deployments(DockerClient docker, EgressRules rules) {
    this(docker, rules, null);
  }

  /** The deployments of {@code instance} only. */
  public Deployments(DockerClient docker, EgressRules rules, SandboxInstance instance) {
    this.docker = docker;
    this.networks = new SandboxNetwork(docker, rules);
    this.instance = instance;
  }

  /** Every deployment container, running or not. */
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

  /**
   * The id of the project {@code nameOrId} names: a project id, or the name of exactly one project;
   * empty when none has it.
   *
   * @throws AmbiguousName if several projects have that name
   */
  public Optional<String> resolve(String nameOrId) {
    Set<String> named = new TreeSet<>();
    for (Container container : containers(Map.of(ServiceContainer.DEPLOYMENT_LABEL, "true"))) {
      Map<String, String> labels = container.getLabels();
      if (nameOrId.equals(labels.get(ProjectImages.PROJECT_LABEL))) {
        return Optional.of(nameOrId);
      }
      if (nameOrId.equals(labels.get(ServiceContainer.NAME_LABEL))) {
        named.add(labels.get(ProjectImages.PROJECT_LABEL));
      }
    }
    if (named.size() > 1) {
      throw new AmbiguousName(nameOrId, named);
    }
    return named.stream().findFirst();
  }

  /**
   * Removes the project's deployment and its network; returns whether there was one.
   *
   * @throws AmbiguousName if several projects have that name
   */
  public boolean stop(String nameOrId) {
    List<Container> found = resolve(nameOrId).map(this::containersOf).orElse(List.of());
    found.forEach(container -> remove(container.getId()));
    return !found.isEmpty();
  }

  /**
   * Hands the last {@code tail} lines of the project's log (its newest container's) to {@code
   * lines}, then, with {@code follow}, every new line until the stream is closed or the container
   * stops. Lines are cut at {@value LogStream#MAX_LINE_CHARS} characters.
   *
   * @throws NotFoundException if the project has no deployment
   * @throws AmbiguousName if several projects have that name
   */
  public LogStream logs(String nameOrId, int tail, boolean follow, Consumer<String> lines) {
    Container newest =
        resolve(nameOrId).map(this::containersOf).orElse(List.of()).stream()
            .max(Comparator.comparing(Container::getCreated))
            .orElseThrow(() -> new NotFoundException("No deployment of project " + nameOrId));
    return docker
        .logContainerCmd(newest.getId())
        .withStdOut(true)
        .withStdErr(true)
        .withTail(tail)
        .withFollowStream(follow)
        .exec(new LogStream(lines));
  }

  /**
   * Force-removes a deployment container, then its network if no other container of the project is
   * on it; a missing container is fine.
   */
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
      networks.removeIfUnused(network);
    }
  }

  SandboxNetwork networks() {
    return networks;
  }

  SandboxInstance instance() {
    return instance;
  }

  List<Container> containersOf(String projectId) {
    return containers(
        Map.of(ServiceContainer.DEPLOYMENT_LABEL, "true", ProjectImages.PROJECT_LABEL, projectId));
  }

  /** The containers carrying the labels (and this instance's label), running or not. */
  List<Container> containers(Map<String, String> labels) {
    Map<String, String> filter = instance == null ? labels : instance.label(labels);
    return docker.listContainersCmd().withShowAll(true).withLabelFilter(filter).exec();
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
        labels.getOrDefault(ServiceContainer.NAME_LABEL, labels.get(ProjectImages.PROJECT_LABEL)),
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

  /** A name several projects share: the caller must give the project id. */
  public static final class AmbiguousName extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    AmbiguousName(String name, Set<String> projects) {
      super(
          projects.size()
              + " deployed projects are named "
              + name
              + " ("
              + String.join(", ", projects)
              + "); give the project id instead.");
    }
  }
}
