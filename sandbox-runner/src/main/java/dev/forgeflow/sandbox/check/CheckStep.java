package dev.forgeflow.sandbox.check;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one check step as the main process of a fresh {@link CheckContainer} with no network, and
 * returns what the engine saw: the exit code from Docker, the output from the container's log.
 */
final class CheckStep {

  private final DockerClient docker;
  private final String image;
  private final String harnessImage;
  private final Map<String, String> labels;
  private final CheckLimits limits;

  /**
   * @param image the project image the steps run in
   * @param harnessImage the image the probe runs in: the harness without any generated code
   */
  CheckStep(
      DockerClient docker,
      String image,
      String harnessImage,
      Map<String, String> labels,
      CheckLimits limits) {
    this.docker = docker;
    this.image = image;
    this.harnessImage = harnessImage;
    this.labels = labels;
    this.limits = limits;
  }

  /** The step's result; {@code timedOut} when it was killed for its time or its memory. */
  ExecResult run(Duration timeout, String... command) {
    try (CheckContainer container =
        CheckContainer.start(docker, image, labels, limits, CheckContainer.NO_NETWORK, command)) {
      Optional<Integer> exit = container.awaitExit(timeout);
      int code = exit.orElse(-1);
      boolean killed = exit.isEmpty() || code == 137 || container.oomKilled();
      return container.logs(code, killed);
    }
  }

  String image() {
    return image;
  }

  String harnessImage() {
    return harnessImage;
  }

  CheckLimits limits() {
    return limits;
  }

  DockerClient docker() {
    return docker;
  }

  Map<String, String> labels() {
    return labels;
  }
}
