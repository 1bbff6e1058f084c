package dev.forgeflow.workflows.pipeline;

import dev.forgeflow.workflows.journal.RunEnd;
import dev.forgeflow.workflows.webhooks.RunFinished;
import dev.forgeflow.workflows.webhooks.WebhookActivities;
import dev.forgeflow.workflows.webhooks.WebhookActivityOptions;
import dev.forgeflow.workflows.webhooks.WebhookDeliveries;
import dev.forgeflow.workflows.webhooks.WebhookDeliveryWorkflow;
import dev.forgeflow.workflows.webhooks.WebhookTargets;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

/**
 * Hands a run's end to its project's webhooks: reads them, and if there are any starts {@link
 * WebhookDeliveryWorkflow} as a child the run abandons when it closes, waiting only for the child
 * to start, never for its deliveries. Runs that began before webhooks existed replay without it.
 */
final class RunAnnouncement {

  /** The change that announces a run's end to webhooks (a {@code getVersion} id). */
  static final String WEBHOOKS_CHANGE = "webhooks";

  private static final Logger log = Workflow.getLogger(RunAnnouncement.class);

  private final String runId;
  private final WebhookActivities webhooks =
      Workflow.newActivityStub(WebhookActivities.class, WebhookActivityOptions.LOOKUP);

  RunAnnouncement(String runId) {
    this.runId = runId;
  }

  /** Starts the deliveries of {@code end}; safe in a cancelled run (detached scope). */
  void announce(RunEnd end, String outcome, String verdict) {
    if (Workflow.getVersion(WEBHOOKS_CHANGE, Workflow.DEFAULT_VERSION, 1)
        == Workflow.DEFAULT_VERSION) {
      return;
    }
    RunFinished finished =
        new RunFinished(
            runId,
            end.status().name(),
            outcome,
            verdict,
            end.eventType(),
            end.summary(),
            Workflow.currentTimeMillis());
    Workflow.newDetachedCancellationScope(() -> start(finished)).run();
  }

  private void start(RunFinished finished) {
    try {
      WebhookTargets targets = webhooks.webhookTargets(runId);
      if (targets.webhookIds().isEmpty()) {
        return;
      }
      WebhookDeliveryWorkflow deliveries =
          Workflow.newChildWorkflowStub(
              WebhookDeliveryWorkflow.class,
              ChildWorkflowOptions.newBuilder()
                  .setWorkflowId(WebhookDeliveryWorkflow.workflowId(runId))
                  .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                  .build());
      Async.procedure(deliveries::deliver, new WebhookDeliveries(finished, targets));
      Workflow.getWorkflowExecution(deliveries).get();
    } catch (TemporalFailure notStarted) {
      // the store stayed down, or a reset run's deliveries were started before: the run ends all
      // the same
      log.warn("the webhooks of run {} were not started: {}", runId, notStarted.getMessage());
    }
  }
}
