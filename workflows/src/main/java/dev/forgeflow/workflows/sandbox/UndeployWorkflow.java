package dev.forgeflow.workflows.sandbox;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Stops a run's deployed service on the Docker host that runs it, for a gateway that holds no
 * Docker socket itself: workflow id {@code undeploy-<run id>}, on the pipeline's task queue.
 */
@WorkflowInterface
public interface UndeployWorkflow {

  /** The workflow id of a run's stop requests. */
  static String workflowId(String runId) {
    return "undeploy-" + runId;
  }

  /**
   * @param sandboxHost the host the run's service runs on; null for whichever runner takes it
   * @return whether a service was running there; false too when the host no longer answers
   */
  @WorkflowMethod
  boolean stop(String runId, String sandboxHost);
}
