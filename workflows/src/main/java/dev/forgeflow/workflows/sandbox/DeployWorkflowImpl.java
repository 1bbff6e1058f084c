package dev.forgeflow.workflows.sandbox;

import dev.forgeflow.workflows.pipeline.PipelineActivities;
import io.temporal.workflow.Workflow;

/**
 * Runs the deploy activity with the pipeline's deploy policy: bounded, heartbeating, retried; on
 * the Docker host the input names (the one that built the run's images), else on one placed now,
 * moving to another host when that one stops answering.
 */
public class DeployWorkflowImpl implements DeployWorkflow {

  private final DeployActivities deployer =
      Workflow.newActivityStub(DeployActivities.class, PipelineActivities.DEPLOY);

  @Override
  public Deployment deploy(DeployInput input) {
    // deploys begun before sandbox hosts existed replay on the shared queue
    if (Workflow.getVersion("sandbox-hosts", Workflow.DEFAULT_VERSION, 1)
        == Workflow.DEFAULT_VERSION) {
      return deployer.deploy(input);
    }
    if (input.sandboxHost() != null) {
      DeployActivities there =
          Workflow.newActivityStub(
              DeployActivities.class,
              PipelineActivities.deployOn(SandboxHost.taskQueue(input.sandboxHost())));
      try {
        return there.deploy(input);
      } catch (io.temporal.failure.ActivityFailure failure) {
        if (!HostedSandbox.hostSilent(failure)) {
          throw failure;
        }
        // the host that built the images is gone: another builds them and runs the service
      }
    }
    return new HostedSandbox(input.runId(), (host, previous) -> {})
        .call(on -> on.deployer().deploy(input));
  }
}
