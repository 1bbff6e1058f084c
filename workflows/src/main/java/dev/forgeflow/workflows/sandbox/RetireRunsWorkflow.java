package dev.forgeflow.workflows.sandbox;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * Removes what a deleted project's runs left in the sandbox — service containers, networks, images
 * — on the Docker host each run was placed on, for a gateway that holds no Docker socket itself:
 * workflow id {@code retire-<project id>}, on the pipeline's task queue.
 */
@WorkflowInterface
public interface RetireRunsWorkflow {

  /** The workflow id of a project's retirement. */
  static String workflowId(String projectId) {
    return "retire-" + projectId;
  }

  /**
   * A run and the sandbox host it was placed on.
   *
   * @param sandboxHost null for a run placed on no host of its own (the shared queue)
   */
  record PlacedRun(String runId, String sandboxHost) {}

  /**
   * @return the runs whose resources were left, because their host no longer answers or refused:
   *     its janitor removes them
   */
  @WorkflowMethod
  List<String> retire(List<PlacedRun> runs);
}
