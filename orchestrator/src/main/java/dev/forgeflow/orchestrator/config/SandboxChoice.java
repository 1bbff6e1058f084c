package dev.forgeflow.orchestrator.config;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;

/**
 * Whether runs get the sandbox steps: a Docker daemon that answers and the base image on it; or why
 * not, in words for the user.
 */
public record SandboxChoice(DockerClient docker, String baseImage, String reason)
    implements AutoCloseable {

  static SandboxChoice on(DockerClient docker, String baseImage) {
    return new SandboxChoice(docker, baseImage, null);
  }

  static SandboxChoice off(String reason) {
    return new SandboxChoice(null, null, reason);
  }

  public boolean available() {
    return docker != null;
  }

  /** One line for people. */
  public String describe() {
    return available() ? "base image " + baseImage : "off — " + reason;
  }

  @Override
  public void close() throws IOException {
    if (docker != null) {
      docker.close();
    }
  }
}
