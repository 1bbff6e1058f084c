package dev.forgeflow.orchestrator.config;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;

/**
 * Whether runs get the sandbox steps: a Docker daemon that answers and the base image on it; or
 * sandbox workers on another server ({@code remote}: runs get the steps, this server holds no
 * Docker); or why not, in words for the user.
 */
public record SandboxChoice(DockerClient docker, String baseImage, String reason, boolean remote)
    implements AutoCloseable {

  static SandboxChoice on(DockerClient docker, String baseImage) {
    return new SandboxChoice(docker, baseImage, null, false);
  }

  static SandboxChoice off(String reason) {
    return new SandboxChoice(null, null, reason, false);
  }

  /** The sandbox steps run on another server's sandbox workers; {@code reason} says so. */
  static SandboxChoice elsewhere(String reason) {
    return new SandboxChoice(null, null, reason, true);
  }

  /** Whether this server holds a Docker daemon with the base image. */
  public boolean available() {
    return docker != null;
  }

  /** Whether runs get the sandbox steps: here, or on another server's sandbox workers. */
  public boolean runsSteps() {
    return available() || remote;
  }

  /** One line for people. */
  public String describe() {
    if (available()) {
      return "base image " + baseImage;
    }
    return (remote ? "remote — " : "off — ") + reason;
  }

  @Override
  public void close() throws IOException {
    if (docker != null) {
      docker.close();
    }
  }
}
