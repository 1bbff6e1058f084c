package dev.forgeflow.sandbox;

import com.github.dockerjava.api.DockerClient;
import dev.forgeflow.sandbox.docker.DockerClients;
import dev.forgeflow.sandbox.image.ProjectImages;
import java.util.List;
import java.util.Map;

/** The real Docker engine and base image the sandbox ITs run against. */
public final class SandboxEngine {

  public static final String BASE_IMAGE_VARIABLE = "FORGEFLOW_SANDBOX_BASE_IMAGE";

  private static final SandboxInstance INSTANCE =
      SandboxInstance.of("it-" + java.util.UUID.randomUUID());

  private SandboxEngine() {}

  /** This test JVM's own instance: its janitors never touch another run's resources. */
  public static SandboxInstance instance() {
    return INSTANCE;
  }

  /** The base image the environment names; fails the test, with what to do, when it names none. */
  public static String baseImage() {
    String image = System.getenv(BASE_IMAGE_VARIABLE);
    if (image == null || image.isBlank()) {
      throw new IllegalStateException(
          BASE_IMAGE_VARIABLE
              + " is not set. The sandbox ITs run on the real engine: build the base image with"
              + " sandbox-runner/images/python/build and set "
              + BASE_IMAGE_VARIABLE
              + " to the tag it prints (forgeflow/sandbox-python:<hash>).");
    }
    return image;
  }

  public static DockerClient docker() {
    return DockerClients.connect(System.getenv());
  }

  /** Ids of the containers, running or not, labelled with the run's project. */
  public static List<String> containersOf(DockerClient docker, String runId) {
    return docker
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(ProjectImages.PROJECT_LABEL, ProjectImages.project(runId)))
        .exec()
        .stream()
        .map(c -> c.getId())
        .toList();
  }

  /** Removes the images built for the run; removing none is fine. */
  public static void removeImagesOf(DockerClient docker, String runId) {
    docker
        .listImagesCmd()
        .withLabelFilter(Map.of(ProjectImages.RUN_LABEL, runId))
        .exec()
        .forEach(image -> docker.removeImageCmd(image.getId()).withForce(true).exec());
  }
}
