package dev.forgeflow.workflows.sandbox;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Deploys one bundle version of a run on a person's request (a redeploy, or a version the run did
 * not deploy), durably and visibly in Temporal Web: workflow id {@code deploy-<run id>}, on the
 * pipeline's task queue; the deploy activity itself runs on the sandbox's.
 */
@WorkflowInterface
public interface DeployWorkflow {

  /** The workflow id of a run's deploy requests: one at a time per run. */
  static String workflowId(String runId) {
    return "deploy-" + runId;
  }

  @WorkflowMethod
  Deployment deploy(DeployInput input);
}
