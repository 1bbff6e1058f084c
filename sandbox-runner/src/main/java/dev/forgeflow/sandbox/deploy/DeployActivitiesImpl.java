package dev.forgeflow.sandbox.deploy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import dev.forgeflow.sandbox.SandboxFailures;
import dev.forgeflow.sandbox.docker.DockerUnavailable;
import dev.forgeflow.sandbox.image.ProjectImage;
import dev.forgeflow.sandbox.image.ProjectImages;
import dev.forgeflow.store.BundleStore;
import dev.forgeflow.store.RunJournal;
import dev.forgeflow.workflows.sandbox.DeployActivities;
import dev.forgeflow.workflows.sandbox.DeployInput;
import dev.forgeflow.workflows.sandbox.Deployment;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.util.Map;

/**
 * Deploys a bundle version as its project's service in an isolated container on its own bridge,
 * whose outbound traffic the {@link EgressRules} drop, and removes a run's sandbox resources. A
 * daemon that cannot be reached fails retryably ({@value DockerUnavailable#TYPE}); a service that
 * does not become healthy is removed and fails for good ({@code DeployUnhealthy}).
 */
public final class DeployActivitiesImpl implements DeployActivities {

  private final DockerClient docker;
  private final BundleStore bundles;
  private final DeployJournal journal;
  private final String baseImage;
  private final DeployLimits limits;
  private final EgressRules rules;
  private final Clock clock;

  /** Deploys on {@code baseImage} with {@link DeployLimits#defaults()}. */
  public DeployActivitiesImpl(
      DockerClient docker, BundleStore bundles, RunJournal journal, String baseImage) {
    this(
        docker,
        bundles,
        journal,
        baseImage,
        DeployLimits.defaults(),
        new EgressRules(),
        Clock.systemUTC());
  }

  public DeployActivitiesImpl(
      DockerClient docker,
      BundleStore bundles,
      RunJournal journal,
      String baseImage,
      DeployLimits limits,
      EgressRules rules,
      Clock clock) {
    this.docker = docker;
    this.bundles = bundles;
    this.journal = new DeployJournal(journal);
    this.baseImage = baseImage;
    this.limits = limits;
    this.rules = rules;
    this.clock = clock;
  }

  @Override
  public Deployment deploy(DeployInput input) {
    try {
      return new ServiceDeploy(docker, rules, limits, clock, journal)
          .run(input, image(input).tag());
    } catch (EgressRules.EgressRulesFailed e) {
      throw failed(input, ApplicationFailure.newNonRetryableFailure(e.getMessage(), "EgressRules"));
    } catch (RuntimeException e) {
      RuntimeException failure = SandboxFailures.translate(e);
      // failures the deploy raised itself (an unhealthy service) are journalled already
      if (failure != e && failure instanceof ApplicationFailure app && app.isNonRetryable()) {
        throw failed(input, app);
      }
      throw failure;
    }
  }

  @Override
  public void removeRunResources(String runId) {
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

  private ApplicationFailure failed(DeployInput input, ApplicationFailure failure) {
    journal.failed(input, failure.getOriginalMessage());
    return failure;
  }

  private ProjectImage image(DeployInput input) {
    return new ProjectImages(docker).build(input.runId(), input.bundleId(), bundles, baseImage);
  }
}
