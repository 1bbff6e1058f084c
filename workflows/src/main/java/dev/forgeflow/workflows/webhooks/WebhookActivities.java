package dev.forgeflow.workflows.webhooks;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The store reads and HTTP calls of a delivery; implemented beside the stores. */
@ActivityInterface
public interface WebhookActivities {

  /** Non-retryable failure type: the receiver refused the delivery for good (a 4xx). */
  String REJECTED = "WebhookRejected";

  /** Non-retryable failure type: the target may not be called (its address, its URL). */
  String REFUSED_TARGET = "WebhookTargetRefused";

  /** The run's project and its active webhooks, read when the run has ended. */
  @ActivityMethod(name = "WebhookTargets")
  WebhookTargets webhookTargets(String runId);

  /**
   * POSTs the run's end to the webhook, signed, and logs the attempt. Returns when the receiver
   * answers 2xx, or at once if the webhook was removed meanwhile; throws a non-retryable {@link
   * #REJECTED} failure on a 4xx other than 408 and 429, a non-retryable {@link #REFUSED_TARGET} for
   * a target that resolves to a forbidden address, and a retryable failure otherwise.
   */
  @ActivityMethod(name = "DeliverWebhook")
  void deliverWebhook(WebhookCall call);
}
