package dev.forgeflow.workflows.webhooks;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;

/** One activity per webhook, each with its own retries; a webhook that gives up fails alone. */
public class WebhookDeliveryWorkflowImpl implements WebhookDeliveryWorkflow {

  /** The most attempts of one delivery; with the backoff below they span about a day. */
  public static final int MAX_ATTEMPTS = 150;

  private static final Logger log = Workflow.getLogger(WebhookDeliveryWorkflowImpl.class);

  private final WebhookActivities lookup =
      Workflow.newActivityStub(
          WebhookActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofMillis(500))
                      .setMaximumInterval(Duration.ofSeconds(30))
                      .setMaximumAttempts(20)
                      .build())
              .build());

  /** 2 s, doubling up to 10 min between attempts; a 4xx refusal is not retried. */
  private final WebhookActivities deliveries =
      Workflow.newActivityStub(
          WebhookActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(1))
              .setScheduleToCloseTimeout(Duration.ofHours(24))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(2))
                      .setBackoffCoefficient(2)
                      .setMaximumInterval(Duration.ofMinutes(10))
                      .setMaximumAttempts(MAX_ATTEMPTS)
                      .setDoNotRetry(WebhookActivities.REJECTED, WebhookActivities.REFUSED_TARGET)
                      .build())
              .build());

  @Override
  public void deliver(RunFinished run) {
    WebhookTargets targets = lookup.webhookTargets(run.runId());
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
        // logged attempt by attempt in the delivery log; the others still go
        log.warn("a webhook of run {} was not delivered: {}", run.runId(), failure.getMessage());
      }
    }
  }
}
