package dev.forgeflow.orchestrator.config;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;

/**
 * Whether runs get the sandbox steps: a Docker daemon that answers and the base image on it; or
 * sandbox runners on their own hosts, when this process does not take the sandbox role; or why not,
 * in words for the user.
 *
 * @param remote whether the Docker work is done by sandbox runners elsewhere ({@code
 *     FORGEFLOW_ROLES} without {@code sandbox}); this process then holds no Docker client
 */
public record SandboxChoice(DockerClient docker, String baseImage, String reason, boolean remote)
    implements AutoCloseable {

  static SandboxChoice on(DockerClient docker, String baseImage) {
    return new SandboxChoice(docker, baseImage, null, false);
  }

  static SandboxChoice off(String reason) {
    return new SandboxChoice(null, null, reason, false);
  }

  /** The Docker work is left to sandbox runners on their own hosts. */
  static SandboxChoice elsewhere() {
    return new SandboxChoice(null, null, null, true);
  }

  /** Whether runs get the sandbox steps, here or on a sandbox runner. */
  public boolean available() {
    return docker != null || remote;
  }

  /** Whether this process holds a Docker client of its own. */
  public boolean local() {
    return docker != null;
  }

  /** One line for people. */
  public String describe() {
    if (remote) {
      return "on the sandbox runners (this process takes no sandbox role)";
    }
    return available() ? "base image " + baseImage : "off — " + reason;
  }

  @Override
  public void close() throws IOException {
    if (docker != null) {
      docker.close();
    }
  }
}
