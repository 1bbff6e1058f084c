package dev.forgeflow.sandbox.check;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import dev.forgeflow.sandbox.ContainerLogs;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One locked-down container of a check: read-only root with a tmpfs /tmp of its own, every
 * capability dropped, no new privileges, uid 10001, memory / pids / CPU limits, a bounded log, and
 * no network of its own (none, or the loopback of the service it probes). Each check step gets a
 * fresh one, so nothing a step's code leaves behind reaches the next. Closing removes it.
 */
final class CheckContainer implements AutoCloseable {

  static final String USER = "10001:10001";
  static final String NO_NETWORK = "none";
  // No PYTHONPYCACHEPREFIX: it would make Python ignore the base image's compiled modules.
  static final List<String> ENV =
      List.of("HOME=/tmp", "PYTHONDONTWRITEBYTECODE=1", "PYTHONUNBUFFERED=1");

  private final DockerClient docker;
  private final String id;

  private CheckContainer(DockerClient docker, String id) {
    this.docker = docker;
    this.id = id;
  }

  /**
   * Creates and starts a container whose main process is {@code command}; removes it again if
   * starting fails.
   *
   * @param network {@link #NO_NETWORK}, or {@code container:<id>} to share that one's loopback
   */
  static CheckContainer start(
      DockerClient docker,
      String image,
      Map<String, String> labels,
      CheckLimits limits,
      String network,
      String... command) {
    return startIn(docker, image, labels, limits, network, "/app", command);
  }

  /**
   * A container that runs only the harness, in {@code /tmp}, on the loopback of {@code service}.
   */
  static CheckContainer startBeside(
      CheckContainer service,
      String image,
      Map<String, String> labels,
      CheckLimits limits,
      String... command) {
    return startIn(
        service.docker, image, labels, limits, "container:" + service.id, "/tmp", command);
  }

  /** A container whose main process is {@code command}, run from {@code workdir}. */
  static CheckContainer startIn(
      DockerClient docker,
      String image,
      Map<String, String> labels,
      CheckLimits limits,
      String network,
      String workdir,
      String... command) {
    String id =
        docker
            .createContainerCmd(image)
            .withCmd(command)
            .withUser(USER)
            .withWorkingDir(workdir)
            .withEnv(ENV)
            .withLabels(labels)
            .withHostConfig(hostConfig(limits, network))
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

  private static HostConfig hostConfig(CheckLimits limits, String network) {
    return HostConfig.newHostConfig()
        .withNetworkMode(network)
        .withReadonlyRootfs(true)
        .withTmpFs(Map.of("/tmp", "rw,nosuid,nodev,size=128m"))
        .withCapDrop(Capability.ALL)
        .withSecurityOpts(List.of("no-new-privileges"))
        .withMemory(limits.memoryBytes())
        .withMemorySwap(limits.memoryBytes())
        .withPidsLimit(limits.pids())
        .withNanoCPUs(limits.nanoCpus())
        .withLogConfig(ContainerLogs.bounded());
  }

  String id() {
    return id;
  }

  /** Runs a command in the container, killed when it outlives its time. */
  ExecResult run(Duration timeout, String... command) {
    return new ContainerExec(docker, id).run(timeout, command);
  }

  /** True while the container's main process runs. */
  boolean running() {
    InspectContainerResponse.ContainerState state = state();
    return state != null && Boolean.TRUE.equals(state.getRunning());
  }

  /** The main process's exit code once it has ended; empty while it runs. */
  Optional<Integer> exitCode() {
    InspectContainerResponse.ContainerState state = state();
    if (state == null || Boolean.TRUE.equals(state.getRunning())) {
      return Optional.empty();
    }
    Long code = state.getExitCodeLong();
    return Optional.of(code == null ? -1 : code.intValue());
  }

  /** True when the kernel killed the main process for going past the memory limit. */
  boolean oomKilled() {
    InspectContainerResponse.ContainerState state = state();
    return state != null && Boolean.TRUE.equals(state.getOOMKilled());
  }

  private InspectContainerResponse.ContainerState state() {
    try {
      return docker.inspectContainerCmd(id).exec().getState();
    } catch (NotFoundException gone) {
      return null;
    }
  }

  /**
   * Waits for the main process to end; kills it when {@code timeout} passes first.
   *
   * @return its exit code, or empty when it had to be killed
   */
  Optional<Integer> awaitExit(Duration timeout) {
    try (WaitContainerResultCallback wait =
        docker.waitContainerCmd(id).exec(new WaitContainerResultCallback())) {
      return Optional.of(wait.awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (DockerClientException stillRunning) {
      kill();
      return Optional.empty();
    } catch (IOException e) {
      return exitCode();
    }
  }

  private void kill() {
    try {
      docker.killContainerCmd(id).exec();
    } catch (RuntimeException alreadyStopped) {
      // it ended meanwhile
    }
  }

  /** The main process's stdout and stderr as logged, each up to 1 MiB. */
  ExecResult logs(int exitCode, boolean killed) {
    StreamOutput logs = read();
    return new ExecResult(exitCode, logs.stdout(), logs.stderr(), killed);
  }

  /** The main process's stdout and stderr interleaved as it wrote them, e.g. a server's log. */
  String interleavedLog() {
    return read().interleaved();
  }

  private StreamOutput read() {
    StreamOutput logs = new StreamOutput();
    try {
      docker
          .logContainerCmd(id)
          .withStdOut(true)
          .withStdErr(true)
          .exec(logs)
          .awaitCompletion(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading a check container's log", e);
    } finally {
      try {
        logs.close();
      } catch (IOException ignored) {
        // the stream is finished with either way
      }
    }
    return logs;
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
