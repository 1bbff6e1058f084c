package dev.forgeflow.sandbox.check;

import com.github.dockerjava.api.DockerClient;
import dev.forgeflow.sandbox.DockerSpans;
import io.opentelemetry.api.common.Attributes;
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
  private final DockerSpans spans;

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
    this(docker, image, harnessImage, labels, limits, DockerSpans.none());
  }

  /** With each step's container traced in {@code spans}. */
  CheckStep(
      DockerClient docker,
      String image,
      String harnessImage,
      Map<String, String> labels,
      CheckLimits limits,
      DockerSpans spans) {
    this.docker = docker;
    this.image = image;
    this.harnessImage = harnessImage;
    this.labels = labels;
    this.limits = limits;
    this.spans = spans;
  }

  /** The step's result; {@code timedOut} when it was killed for its time or its memory. */
  ExecResult run(Duration timeout, String... command) {
    return spans.in(
        "run_check",
        Attributes.of(DockerSpans.IMAGE, image, DockerSpans.STEP, stepName(command)),
        () -> runIn(timeout, command));
  }

  /** What the command runs: its script's name, else the command itself. */
  private static String stepName(String... command) {
    for (String arg : command) {
      if (arg.endsWith(".py")) {
        return arg.substring(arg.lastIndexOf('/') + 1);
      }
    }
    return String.join(" ", command);
  }

  private ExecResult runIn(Duration timeout, String... command) {
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

  DockerSpans spans() {
    return spans;
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
