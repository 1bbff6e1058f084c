package dev.forgeflow.sandbox.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.store.BundleStore;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Builds project images: a bundle version's files layered on the sandbox base image. The build
 * context is streamed from memory; the build never pulls and runs without a network.
 */
public final class ProjectImages {

  /** Label naming the project (the image repository) on every image and container made here. */
  public static final String PROJECT_LABEL = "dev.forgeflow.project";

  /** Label naming the run. */
  public static final String RUN_LABEL = "dev.forgeflow.run";

  /** Label naming the bundle version. */
  public static final String BUNDLE_LABEL = "dev.forgeflow.bundle";

  private static final long BUILD_TIMEOUT_SECONDS = 300;

  private final DockerClient docker;
  private final SandboxInstance instance;

  /**
   * Images labelled with project, run and bundle but no instance: a janitor of any instance leaves
   * them alone. Prefer {@link #ProjectImages(DockerClient, SandboxInstance)}.
   */
  public ProjectImages(DockerClient docker) {
    this(docker, null);
  }

  /** Images that also carry the instance's label ({@link SandboxInstance#LABEL}). */
  public ProjectImages(DockerClient docker, SandboxInstance instance) {
    this.docker = docker;
    this.instance = instance;
  }

  /**
   * Builds (or, for the same files, reuses from the build cache) the image of a bundle version.
   * Idempotent: building the same bundle again yields the same tag.
   *
   * @param files path to content; every path must be relative, with no {@code ..} segment
   * @param baseImage a base image already present on the daemon; it is never pulled. The project
   *     image is built on its {@link HarnessImage}
   * @throws IllegalArgumentException if a path is refused
   * @throws BaseImageMissing if the base image is not on the daemon
   */
  /**
   * Builds the image of a stored bundle version; see {@link #build(String, String, SortedMap,
   * String)}.
   */
  public ProjectImage build(String runId, String bundleId, BundleStore bundles, String baseImage) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    bundles.files(bundleId).forEach((path, sha256) -> files.put(path, bundles.blob(sha256)));
    return build(runId, bundleId, files, baseImage);
  }

  public ProjectImage build(
      String runId, String bundleId, SortedMap<String, byte[]> files, String baseImage) {
    String tag = tag(runId, bundleId);
    Map<String, String> labels =
        instance == null ? labels(runId, bundleId) : labels(instance, runId, bundleId);
    BundlePaths.checkedAll(files.keySet()); // a refused path fails before any Docker call
    String harness = HarnessImage.ensure(docker, baseImage);
    byte[] context = BuildContext.tar(files, BuildContext.dockerfile(harness, labels));
    String imageId =
        docker
            .buildImageCmd()
            .withTarInputStream(new ByteArrayInputStream(context))
            .withDockerfilePath(BuildContext.DOCKERFILE)
            .withPull(false)
            .withNetworkMode("none")
            .withRemove(true)
            .withForcerm(true)
            .withTags(Set.of(tag))
            .exec(new BuildImageResultCallback())
            .awaitImageId(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    return new ProjectImage(tag, imageId);
  }

  /** {@code forgeflow/project-<first 12 of the run id>:<first 12 of the bundle id>}. */
  public static String tag(String runId, String bundleId) {
    return "forgeflow/" + project(runId) + ":" + shortId(bundleId);
  }

  /**
   * The project's id, and the project label's value: {@code project-<first 12 of the run id>}. A
   * run builds one project, so its id is stable for the run's life, unlike the name a model picks;
   * deployments, their containers and networks are keyed by it.
   */
  public static String project(String runId) {
    return "project-" + shortId(runId);
  }

  /** The project, run and bundle labels of the images and containers of a bundle version. */
  public static Map<String, String> labels(String runId, String bundleId) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(PROJECT_LABEL, project(runId));
    labels.put(RUN_LABEL, runId);
    labels.put(BUNDLE_LABEL, bundleId);
    return labels;
  }

  /**
   * The instance, project, run and bundle labels of the images and containers of a bundle version:
   * what every resource a sandbox step creates should carry.
   */
  public static Map<String, String> labels(
      SandboxInstance instance, String runId, String bundleId) {
    return instance.label(labels(runId, bundleId));
  }

  private static String shortId(String id) {
    String clean = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (clean.isEmpty()) {
      throw new IllegalArgumentException("Not an id: '" + id + "'");
    }
    return clean.substring(0, Math.min(12, clean.length()));
  }

  /** The base image is not on the daemon, and nothing may be pulled. */
  public static final class BaseImageMissing extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BaseImageMissing(String baseImage) {
      super(
          "The sandbox base image "
              + baseImage
              + " is not on the Docker daemon, and Forgeflow never pulls images. Build it with"
              + " sandbox-runner/images/python/build first.",
          null,
          false,
          false);
    }
  }
}
