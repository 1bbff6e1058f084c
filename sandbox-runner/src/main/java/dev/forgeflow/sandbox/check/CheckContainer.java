package dev.forgeflow.sandbox.check;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One locked-down container for a bundle's checks: no network, read-only root with a tmpfs /tmp,
 * every capability dropped, no new privileges, uid 10001, memory / pids / CPU limits. Its main
 * process is a bounded sleep; every check runs in it through {@code exec}. Closing removes it.
 */
final class CheckContainer implements AutoCloseable {

  static final String USER = "10001:10001";
  // No PYTHONPYCACHEPREFIX: it would make Python ignore the base image's compiled modules.
  static final List<String> ENV =
      List.of("HOME=/tmp", "PYTHONDONTWRITEBYTECODE=1", "PYTHONUNBUFFERED=1");

  private final DockerClient docker;
  private final String id;

  private CheckContainer(DockerClient docker, String id) {
    this.docker = docker;
    this.id = id;
  }

  /** Creates and starts the container; removes it again if starting fails. */
  static CheckContainer start(
      DockerClient docker, String image, Map<String, String> labels, CheckLimits limits) {
    String id =
        docker
            .createContainerCmd(image)
            .withCmd("sleep", Long.toString(limits.lifetime().toSeconds()))
            .withUser(USER)
            .withWorkingDir("/app")
            .withEnv(ENV)
            .withLabels(labels)
            .withNetworkDisabled(true)
            .withHostConfig(hostConfig(limits))
            .exec()
            .getId();
    CheckContainer container = new CheckContainer(docker, id);
    try {
      docker.startContainerCmd(id).exec();
    } catch (RuntimeException e) {
      container.close();
      throw e;
    }
    return container;
  }

  private static HostConfig hostConfig(CheckLimits limits) {
    return HostConfig.newHostConfig()
        .withNetworkMode("none")
        .withReadonlyRootfs(true)
        .withTmpFs(Map.of("/tmp", "rw,nosuid,nodev,size=128m"))
        .withCapDrop(Capability.ALL)
        .withSecurityOpts(List.of("no-new-privileges"))
        .withMemory(limits.memoryBytes())
        .withMemorySwap(limits.memoryBytes())
        .withPidsLimit(limits.pids())
        .withNanoCPUs(limits.nanoCpus());
  }

  String id() {
    return id;
  }

  /** Runs a command, killed (in the container, by {@code timeout}) when it outlives its time. */
  ExecResult run(Duration timeout, String... command) {
    return new ContainerExec(docker, id).run(timeout, command);
  }

  /** Starts a command in the background; it dies with the container. */
  void launch(String... command) {
    new ContainerExec(docker, id).launch(command);
  }

  /** Force-removes the container; removing one that is already gone is fine. */
  @Override
  public void close() {
    try {
      docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException alreadyGone) {
      // cleanup is idempotent
    }
  }
}
