package dev.forgeflow.bench.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The baselines: the bare base image running {@code python3 -c pass}, and the project image
 * importing its app, with no network, as {@code docker run --rm} does it, timed end to end. Every
 * container it makes carries {@link #LABEL}.
 */
final class BareRun {

  /** Label on the baseline's containers, valued with the benchmark's id. */
  static final String LABEL = "dev.forgeflow.bench";

  private static final String[] COMMAND = {"python3", "-c", "pass"};

  private final DockerClient docker;
  private final String baseImage;
  private final String benchId;

  BareRun(DockerClient docker, String baseImage, String benchId) {
    this.docker = docker;
    this.baseImage = baseImage;
    this.benchId = benchId;
  }

  /** Create, start, wait for exit 0 and remove through the Docker API; ms. */
  double api() {
    return timed(baseImage, COMMAND);
  }

  /**
   * The irreducible start of a deployed service: {@code python3 -c "import app.main"} in its
   * project image, as the service's user in {@code /app}, through the Docker API; ms.
   */
  double importApp(String projectImage) {
    return timed(projectImage, "python3", "-c", "import app.main");
  }

  private double timed(String image, String... command) {
    long started = System.nanoTime();
    String id =
        docker
            .createContainerCmd(image)
            .withCmd(command)
            .withLabels(Map.of(LABEL, benchId))
            .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
            .exec()
            .getId();
    try {
      docker.startContainerCmd(id).exec();
      int status =
          docker.waitContainerCmd(id).exec(new WaitContainerResultCallback()).awaitStatusCode();
      requireSuccess(status);
    } finally {
      docker.removeContainerCmd(id).withForce(true).exec();
    }
    return millisSince(started);
  }

  /** {@code docker run --rm --network none <base> python3 -c pass}; ms, or -1 with no CLI. */
  double cli() throws IOException, InterruptedException {
    List<String> command =
        List.of(
            "docker",
            "run",
            "--rm",
            "--network",
            "none",
            "--label",
            LABEL + "=" + benchId,
            baseImage,
            COMMAND[0],
            COMMAND[1],
            COMMAND[2]);
    long started = System.nanoTime();
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException noCli) {
      return -1;
    }
    process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("docker run did not finish within 60 s");
    }
    requireSuccess(process.exitValue());
    return millisSince(started);
  }

  /** Removes every container the baseline made that is still there. */
  void removeLeftovers() {
    List<Container> left =
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LABEL, benchId)).exec();
    for (Container container : left) {
      try {
        docker.removeContainerCmd(container.getId()).withForce(true).exec();
      } catch (NotFoundException gone) {
        // already removed
      }
    }
  }

  private static void requireSuccess(int status) {
    if (status != 0) {
      throw new IllegalStateException("the baseline's python3 exited with " + status);
    }
  }

  private static double millisSince(long started) {
    return (System.nanoTime() - started) / 1e6;
  }
}
