package dev.forgeflow.sandbox.check;

import com.github.dockerjava.api.DockerClient;
import dev.forgeflow.sandbox.DockerSpans;
import dev.forgeflow.sandbox.SandboxFailures;
import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.sandbox.SandboxMeters;
import dev.forgeflow.sandbox.docker.DockerUnavailable;
import dev.forgeflow.sandbox.image.HarnessImage;
import dev.forgeflow.sandbox.image.ProjectImage;
import dev.forgeflow.sandbox.image.ProjectImages;
import dev.forgeflow.store.BundleStore;
import dev.forgeflow.store.RunJournal;
import dev.forgeflow.workflows.sandbox.CheckInput;
import dev.forgeflow.workflows.sandbox.SandboxActivities;
import dev.forgeflow.workflows.sandbox.TestReport;
import io.opentelemetry.api.common.Attributes;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a bundle version: builds its project image, then runs every check in fresh locked-down
 * containers, which are always removed afterwards. A daemon that cannot be reached fails the
 * activity retryably ({@value DockerUnavailable#TYPE}); a missing base image fails it for good.
 */
public final class SandboxActivitiesImpl implements SandboxActivities {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxActivitiesImpl.class);

  private final DockerClient docker;
  private final SandboxInstance instance;
  private final BundleStore bundles;
  private final ReportJournal journal;
  private final String baseImage;
  private final ProbeScripts scripts;
  private final CheckLimits limits;
  private final DockerSpans spans;
  private final SandboxMeters meters;

  /**
   * @param instance the Forgeflow instance whose label every check container and image carries
   * @param baseImage the sandbox base image tag, present on the daemon
   * @param scripts the OpenAPI CRUD probe and the attack that follows it
   */
  public SandboxActivitiesImpl(
      DockerClient docker,
      SandboxInstance instance,
      BundleStore bundles,
      RunJournal journal,
      String baseImage,
      ProbeScripts scripts) {
    this(docker, instance, bundles, journal, baseImage, scripts, CheckLimits.defaults());
  }

  public SandboxActivitiesImpl(
      DockerClient docker,
      SandboxInstance instance,
      BundleStore bundles,
      RunJournal journal,
      String baseImage,
      ProbeScripts scripts,
      CheckLimits limits) {
    this(
        docker,
        instance,
        bundles,
        journal,
        baseImage,
        scripts,
        limits,
        DockerSpans.none(),
        SandboxMeters.none());
  }

  /**
   * @param spans where each image build and check container is traced
   * @param meters where the build and check durations are recorded
   */
  public SandboxActivitiesImpl(
      DockerClient docker,
      SandboxInstance instance,
      BundleStore bundles,
      RunJournal journal,
      String baseImage,
      ProbeScripts scripts,
      CheckLimits limits,
      DockerSpans spans,
      SandboxMeters meters) {
    this.docker = docker;
    this.instance = instance;
    this.bundles = bundles;
    this.journal = new ReportJournal(journal);
    this.baseImage = baseImage;
    this.scripts = scripts;
    this.limits = limits;
    this.spans = spans;
    this.meters = meters;
  }

  @Override
  public TestReport check(CheckInput input) {
    try {
      TestReport report =
          meters.time(
              SandboxMeters.CHECK,
              () -> buildAndCheck(input),
              checked -> checked.passed() ? "passed" : "failed");
      journal.append(input.runId(), input.round(), report);
      return report;
    } catch (RuntimeException e) {
      throw SandboxFailures.translate(e);
    }
  }

  private TestReport buildAndCheck(CheckInput input) {
    long started = System.nanoTime();
    ProjectImage image =
        meters.time(
            SandboxMeters.BUILD,
            () ->
                spans.in(
                    "build_image",
                    Attributes.of(
                        DockerSpans.RUN_ID, input.runId(), DockerSpans.BUNDLE_ID, input.bundleId()),
                    () ->
                        new ProjectImages(docker, instance)
                            .build(input.runId(), input.bundleId(), bundles, baseImage)),
            built -> "success");
    LOG.info("built {} in {} ms", image.tag(), millisSince(started));
    Map<String, String> labels = ProjectImages.labels(instance, input.runId(), input.bundleId());
    String harness = HarnessImage.ensure(docker, baseImage);
    CheckStep step = new CheckStep(docker, image.tag(), harness, labels, limits, spans);
    TestReport report =
        new CheckRun(step, scripts, input.authRequired(), routes(input.bundleId()))
            .report(image.tag());
    LOG.info("checked {}: passed={} in {} ms", image.tag(), report.passed(), millisSince(started));
    return report;
  }

  /** The bundle's Python sources, to locate findings no traceback locates. */
  private RouteIndex routes(String bundleId) {
    Map<String, String> sources = new HashMap<>();
    bundles
        .files(bundleId)
        .forEach(
            (path, sha) -> {
              if (path.endsWith(".py")) {
                sources.put(path, new String(bundles.blob(sha), StandardCharsets.UTF_8));
              }
            });
    return new RouteIndex(sources);
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
