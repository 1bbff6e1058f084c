package dev.forgeflow.compose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the Docker engine holds, asked with the {@code docker} CLI. */
final class DockerCli {

  private DockerCli() {}

  /** Ids of the containers (running or not) carrying {@code label} ({@code key=value}). */
  static List<String> labelledContainers(String label) throws IOException, InterruptedException {
    return run("docker", "ps", "-aq", "--filter", "label=" + label);
  }

  /** Ids of the images carrying {@code label} ({@code key=value}). */
  static List<String> labelledImages(String label) throws IOException, InterruptedException {
    return run("docker", "images", "-q", "--filter", "label=" + label);
  }

  /** Every container, network and volume compose made for {@code project}, as kind:id lines. */
  static List<String> composeResources(String project) throws IOException, InterruptedException {
    String label = "label=com.docker.compose.project=" + project;
    List<String> left = new ArrayList<>();
    run("docker", "ps", "-aq", "--filter", label).forEach(id -> left.add("container:" + id));
    run("docker", "network", "ls", "-q", "--filter", label)
        .forEach(id -> left.add("network:" + id));
    run("docker", "volume", "ls", "-q", "--filter", label).forEach(id -> left.add("volume:" + id));
    return left;
  }

  /**
   * Removes what the sandbox made for a run (its service container, network and images), which
   * outlives the compose project by design: the janitor removes it when its time is up.
   */
  static void removeRunResources(String runId) throws IOException, InterruptedException {
    String label = "label=dev.forgeflow.run=" + runId;
    for (String id : run("docker", "ps", "-aq", "--filter", label)) {
      run("docker", "rm", "-f", "-v", id);
    }
    for (String id : run("docker", "network", "ls", "-q", "--filter", label)) {
      run("docker", "network", "rm", id);
    }
    for (String id : run("docker", "images", "-q", "--filter", label)) {
      run("docker", "rmi", "-f", id);
    }
  }

  private static List<String> run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
    return output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }
}
