package dev.forgeflow.workflows.webhooks;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.List;
import org.slf4j.Logger;

/** One activity per webhook, each with its own retries; a webhook that gives up fails alone. */
public class WebhookDeliveryWorkflowImpl implements WebhookDeliveryWorkflow {

  private static final Logger log = Workflow.getLogger(WebhookDeliveryWorkflowImpl.class);

  private final WebhookActivities deliveries =
      Workflow.newActivityStub(WebhookActivities.class, WebhookActivityOptions.DELIVERY);

  @Override
  public void deliver(WebhookDeliveries input) {
    RunFinished run = input.run();
    WebhookTargets targets = input.targets();
    List<Promise<Void>> sent =
        targets.webhookIds().stream()
            .map(
                id ->
                    Async.procedure(
                        deliveries::deliverWebhook,
                        new WebhookCall(
                            id, "dlv_" + Workflow.randomUUID(), targets.projectId(), run)))
            .toList();
    for (Promise<Void> delivery : sent) {
      try {
        delivery.get();
      } catch (ActivityFailure failure) {
        // each attempt is in the delivery log; the other webhooks still get theirs
        log.warn("a webhook of run {} was not delivered: {}", run.runId(), failure.getMessage());
      }
    }
  }
}
