package dev.forgeflow.sandbox.deploy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import dev.forgeflow.sandbox.DockerSpans;
import dev.forgeflow.sandbox.SandboxFailures;
import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.sandbox.SandboxMeters;
import dev.forgeflow.sandbox.docker.DockerUnavailable;
import dev.forgeflow.sandbox.image.ProjectImage;
import dev.forgeflow.sandbox.image.ProjectImages;
import dev.forgeflow.store.BundleStore;
import dev.forgeflow.store.RunJournal;
import dev.forgeflow.workflows.sandbox.DeployActivities;
import dev.forgeflow.workflows.sandbox.DeployInput;
import dev.forgeflow.workflows.sandbox.Deployment;
import io.opentelemetry.api.common.Attributes;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.util.Map;

/**
 * Deploys a bundle version as its project's service in an isolated container on the project's own
 * bridge, whose outbound traffic the {@link EgressRules} drop, and removes a run's sandbox
 * resources. A daemon that cannot be reached fails retryably ({@value DockerUnavailable#TYPE}); a
 * service that does not become healthy is removed and fails for good ({@code DeployUnhealthy});
 * without root or iptables nothing is started and the deploy fails for good ({@value
 * #EGRESS_RULES_UNAVAILABLE}) with one sentence saying which is missing.
 */
public final class DeployActivitiesImpl implements DeployActivities {

  /** The failure type of a deploy refused because the no-egress rules cannot be set. */
  public static final String EGRESS_RULES_UNAVAILABLE = DeployActivities.EGRESS_RULES_UNAVAILABLE;

  private final DockerClient docker;
  private final SandboxInstance instance;
  private final BundleStore bundles;
  private final DeployJournal journal;
  private final String baseImage;
  private final DeployLimits limits;
  private final EgressRules rules;
  private final Clock clock;
  private final DockerSpans spans;
  private final SandboxMeters meters;

  /** Deploys on {@code baseImage} with {@link DeployLimits#defaults()}. */
  public DeployActivitiesImpl(
      DockerClient docker,
      SandboxInstance instance,
      BundleStore bundles,
      RunJournal journal,
      String baseImage) {
    this(
        docker,
        instance,
        bundles,
        journal,
        baseImage,
        DeployLimits.defaults(),
        new EgressRules(),
        Clock.systemUTC());
  }

  public DeployActivitiesImpl(
      DockerClient docker,
      SandboxInstance instance,
      BundleStore bundles,
      RunJournal journal,
      String baseImage,
      DeployLimits limits,
      EgressRules rules,
      Clock clock) {
    this(
        docker,
        instance,
        bundles,
        journal,
        baseImage,
        limits,
        rules,
        clock,
        DockerSpans.none(),
        SandboxMeters.none());
  }

  /**
   * @param spans where each deploy, image build and removal is traced
   * @param meters where deploy durations are recorded
   */
  public DeployActivitiesImpl(
      DockerClient docker,
      SandboxInstance instance,
      BundleStore bundles,
      RunJournal journal,
      String baseImage,
      DeployLimits limits,
      EgressRules rules,
      Clock clock,
      DockerSpans spans,
      SandboxMeters meters) {
    this.docker = docker;
    this.instance = instance;
    this.bundles = bundles;
    this.journal = new DeployJournal(journal);
    this.baseImage = baseImage;
    this.limits = limits;
    this.rules = rules;
    this.clock = clock;
    this.spans = spans;
    this.meters = meters;
  }

  @Override
  public Deployment deploy(DeployInput input) {
    return meters.time(SandboxMeters.DEPLOY, () -> deployTimed(input), deployed -> "success");
  }

  private Deployment deployTimed(DeployInput input) {
    try {
      rules.requireUsable();
      return spans.in(
          "deploy",
          Attributes.of(DockerSpans.RUN_ID, input.runId(), DockerSpans.BUNDLE_ID, input.bundleId()),
          () ->
              new ServiceDeploy(docker, instance, rules, limits, clock, journal)
                  .run(input, image(input)));
    } catch (EgressRules.EgressRulesFailed e) {
      throw failed(
          input,
          ApplicationFailure.newNonRetryableFailure(e.getMessage(), EGRESS_RULES_UNAVAILABLE));
    } catch (RuntimeException e) {
      RuntimeException failure = SandboxFailures.translate(e);
      // failures the deploy raised itself (an unhealthy service) are journalled already
      if (failure != e && failure instanceof ApplicationFailure app && app.isNonRetryable()) {
        throw failed(input, app);
      }
      throw failure;
    }
  }

  /** Removes by run id alone, which is unique across instances, so unlabelled leftovers go too. */
  @Override
  public void removeRunResources(String runId) {
    spans.run(
        "remove_run_resources",
        Attributes.of(DockerSpans.RUN_ID, runId),
        () -> removeLabelled(runId));
  }

  private void removeLabelled(String runId) {
    Map<String, String> run = Map.of(ProjectImages.RUN_LABEL, runId);
    Deployments deployments = new Deployments(docker, rules);
    for (Container container : deployments.containers(run)) {
      deployments.remove(container.getId());
    }
    new SandboxNetwork(docker, rules).removeLabelled(run);
    for (Image image : docker.listImagesCmd().withLabelFilter(run).exec()) {
      try {
        docker.removeImageCmd(image.getId()).withForce(true).exec();
      } catch (NotFoundException gone) {
        // cleanup is idempotent
      }
    }
  }

  @Override
  public boolean stopService(String runId) {
    return new Deployments(docker, rules, instance).stop(ProjectImages.project(runId));
  }

  private ApplicationFailure failed(DeployInput input, ApplicationFailure failure) {
    journal.failed(input, failure.getOriginalMessage());
    return failure;
  }

  /** The bundle's image: the one already built for it by this instance, or a new build. */
  private String image(DeployInput input) {
    String tag = ProjectImages.tag(input.runId(), input.bundleId());
    try {
      Map<String, String> labels = docker.inspectImageCmd(tag).exec().getConfig().getLabels();
      if (labels != null
          && input.bundleId().equals(labels.get(ProjectImages.BUNDLE_LABEL))
          && instance.id().equals(labels.get(SandboxInstance.LABEL))) {
        return tag;
      }
    } catch (NotFoundException notBuilt) {
      // built below
    }
    ProjectImage built =
        spans.in(
            "build_image",
            Attributes.of(
                DockerSpans.RUN_ID, input.runId(), DockerSpans.BUNDLE_ID, input.bundleId()),
            () ->
                new ProjectImages(docker, instance)
                    .build(input.runId(), input.bundleId(), bundles, baseImage));
    return built.tag();
  }
}
