package dev.forgeflow.workflows.webhooks;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Tells a run's webhooks how it ended: one delivery per webhook, in parallel, each retried with
 * backoff for up to a day. Started by the run's workflow, when its project has webhooks, as an
 * abandoned child (workflow id {@code webhooks-<run id>}), so a receiver that is down never keeps
 * the run open.
 */
@WorkflowInterface
public interface WebhookDeliveryWorkflow {

  /** The workflow id of a run's webhook deliveries. */
  static String workflowId(String runId) {
    return "webhooks-" + runId;
  }

  @WorkflowMethod
  void deliver(WebhookDeliveries deliveries);
}
