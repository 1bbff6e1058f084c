package dev.forgeflow.workflows.sandbox;

import dev.forgeflow.workflows.pipeline.PipelineActivities;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;

/** Runs the stop activity on the run's host; a host that is gone has nothing left to stop. */
public class UndeployWorkflowImpl implements UndeployWorkflow {

  @Override
  public boolean stop(String runId, String sandboxHost) {
    DeployActivities deployer =
        Workflow.newActivityStub(
            DeployActivities.class,
            sandboxHost == null
                ? PipelineActivities.DEPLOY
                : PipelineActivities.deployOn(SandboxHost.taskQueue(sandboxHost)));
    try {
      return deployer.stopService(runId);
    } catch (ActivityFailure failure) {
      if (HostedSandbox.hostSilent(failure)) {
        return false;
      }
      throw failure;
    }
  }
}
