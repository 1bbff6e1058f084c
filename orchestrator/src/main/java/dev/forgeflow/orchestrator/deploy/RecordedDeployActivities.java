package dev.forgeflow.orchestrator.deploy;

import dev.forgeflow.store.DeploymentRecord;
import dev.forgeflow.store.DeploymentStore;
import dev.forgeflow.workflows.sandbox.DeployActivities;
import dev.forgeflow.workflows.sandbox.DeployInput;
import dev.forgeflow.workflows.sandbox.Deployment;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The sandbox's deploy activities, with every healthy deployment recorded in the store: the row is
 * what makes its container owned when the janitor sweeps at start-up.
 */
public final class RecordedDeployActivities implements DeployActivities {
  private final DeployActivities sandbox;
  private final DeploymentStore deployments;
  private final Duration ttl;
  private final Clock clock;
  private final LogJournaling logs;

  public RecordedDeployActivities(
      DeployActivities sandbox,
      DeploymentStore deployments,
      Duration ttl,
      Clock clock,
      LogJournaling logs) {
    this.sandbox = sandbox;
    this.deployments = deployments;
    this.ttl = ttl;
    this.clock = clock;
    this.logs = logs;
  }

  @Override
  public Deployment deploy(DeployInput input) {
    Deployment deployment = sandbox.deploy(input);
    deployments.save(
        new DeploymentRecord(
            deployment.project(),
            input.runId(),
            deployment.containerId(),
            deployment.image(),
            deployment.hostPort(),
            deployment.url(),
            deployment.status(),
            OffsetDateTime.now(clock).plus(ttl)));
    logs.follow(input.runId(), deployment.project(), deployment.containerId());
    return deployment;
  }

  @Override
  public void removeRunResources(String runId) {
    sandbox.removeRunResources(runId);
  }

  @Override
  public boolean stopService(String runId) {
    boolean stopped = sandbox.stopService(runId);
    deployments.remove(dev.forgeflow.sandbox.image.ProjectImages.project(runId));
    return stopped;
  }
}
