package dev.forgeflow.sandbox;

import dev.forgeflow.sandbox.check.CheckLimits;
import dev.forgeflow.sandbox.check.ProbeScripts;
import dev.forgeflow.sandbox.check.SandboxActivitiesImpl;
import dev.forgeflow.sandbox.docker.DockerClients;
import dev.forgeflow.store.BundleStore;
import dev.forgeflow.store.RunJournal;
import dev.forgeflow.workflows.sandbox.SandboxActivities;
import java.util.Map;

/** Wires the sandbox runner's activities to the Docker daemon the environment names. */
public final class Sandbox {

  private Sandbox() {}

  /**
   * The sandbox activities, connected to the daemon at {@code DOCKER_HOST} with its API version
   * negotiated, checking with {@link CheckLimits#defaults()}.
   *
   * @param env the environment to read, usually {@code System.getenv()}
   * @param instance the Forgeflow instance whose label its containers and images carry
   * @param baseImage the sandbox base image tag ({@code forgeflow/sandbox-python:<hash>})
   * @param scripts the OpenAPI CRUD probe and the attack that follows it
   * @throws dev.forgeflow.sandbox.docker.DockerUnavailable if no daemon answers
   */
  public static SandboxActivities activities(
      Map<String, String> env,
      SandboxInstance instance,
      BundleStore bundles,
      RunJournal journal,
      String baseImage,
      ProbeScripts scripts) {
    return new SandboxActivitiesImpl(
        DockerClients.connect(env), instance, bundles, journal, baseImage, scripts);
  }
}
