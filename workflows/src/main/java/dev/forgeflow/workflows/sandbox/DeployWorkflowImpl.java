package dev.forgeflow.workflows.sandbox;

import dev.forgeflow.workflows.pipeline.PipelineActivities;
import io.temporal.workflow.Workflow;

/** Runs the deploy activity with the pipeline's deploy policy: bounded, heartbeating, retried. */
public class DeployWorkflowImpl implements DeployWorkflow {

  private final DeployActivities deployer =
      Workflow.newActivityStub(DeployActivities.class, PipelineActivities.DEPLOY);

  @Override
  public Deployment deploy(DeployInput input) {
    return deployer.deploy(input);
  }
}
