package dev.forgeflow.orchestrator.config;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.forgeflow.agents.validate.RuntimeProfile;
import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.sandbox.check.ProbeScripts;
import dev.forgeflow.sandbox.docker.DockerClients;
import dev.forgeflow.sandbox.docker.DockerUnavailable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The sandbox: on when a Docker daemon answers ({@code DOCKER_HOST}, else the local socket) and
 * holds the base image ({@code FORGEFLOW_SANDBOX_BASE_IMAGE}, default {@value #DEFAULT_IMAGE});
 * {@code FORGEFLOW_SANDBOX=off} turns it off. Without it the pipeline stops before the sandbox
 * steps and says why. {@code FORGEFLOW_SANDBOX=remote} says the sandbox workers run on another
 * server (compose.yml's sandbox-runner): runs get the sandbox steps and this server needs no
 * Docker.
 */
@Configuration(proxyBeanMethods = false)
class SandboxConfiguration {
  static final String DEFAULT_IMAGE = "forgeflow/sandbox-python:latest";
  private static final Logger LOG = LoggerFactory.getLogger(SandboxConfiguration.class);

  @Bean
  SandboxChoice sandboxChoice(Environment environment) {
    if ("off".equalsIgnoreCase(environment.getProperty("FORGEFLOW_SANDBOX", "auto"))) {
      return SandboxChoice.off("turned off by FORGEFLOW_SANDBOX=off");
    }
    if ("remote".equalsIgnoreCase(environment.getProperty("FORGEFLOW_SANDBOX", "auto"))) {
      return SandboxChoice.elsewhere(
          "the sandbox workers of another server run the sandbox steps (FORGEFLOW_SANDBOX=remote)");
    }
    String image = environment.getProperty("FORGEFLOW_SANDBOX_BASE_IMAGE", DEFAULT_IMAGE);
    Map<String, String> env = new HashMap<>(System.getenv());
    String host = environment.getProperty("DOCKER_HOST");
    if (host != null) {
      env.put("DOCKER_HOST", host);
    }
    try {
      DockerClient docker = DockerClients.connect(env);
      docker.inspectImageCmd(image).exec();
      return SandboxChoice.on(docker, image);
    } catch (DockerUnavailable noDaemon) {
      LOG.warn(noDaemon.getMessage());
      return SandboxChoice.off(noDaemon.getMessage());
    } catch (NotFoundException noImage) {
      return SandboxChoice.off(
          "the sandbox base image "
              + image
              + " is not on the Docker daemon; build it with scripts/sandbox-base-image");
    }
  }

  /**
   * The label every sandbox resource of this Forgeflow carries: a short hash of the canonical data
   * dir, or of the JDBC URL of an external database, so two data dirs on one daemon never touch
   * each other's containers.
   */
  @Bean
  SandboxInstance sandboxInstance(ForgeflowProperties properties) {
    return SandboxInstance.of(
        properties.embeddedDatabase() ? null : properties.databaseUrl(), properties.dataDir());
  }

  /**
   * What generated code may import: the sandbox image's own profile, written when the image was
   * built ({@code FORGEFLOW_SANDBOX_RUNTIME_PROFILE}, default {@code <data
   * dir>/sandbox/runtime-profile.json}), else the profile bundled with the agents.
   */
  @Bean
  RuntimeProfile runtimeProfile(Environment environment, ForgeflowProperties properties) {
    Path file =
        Path.of(
            environment.getProperty(
                "FORGEFLOW_SANDBOX_RUNTIME_PROFILE",
                properties.dataDir().resolve("sandbox/runtime-profile.json").toString()));
    if (!Files.isRegularFile(file)) {
      return RuntimeProfile.bundled();
    }
    try {
      return RuntimeProfile.fromJson(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the runtime profile " + file, e);
    }
  }

  /** The OpenAPI CRUD probe and the attack the checks run beside each project container. */
  @Bean
  ProbeScripts probeScripts() {
    return ProbeScripts.fromClasspath();
  }
}
