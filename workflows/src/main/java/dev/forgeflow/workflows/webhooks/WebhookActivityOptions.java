package dev.forgeflow.workflows.webhooks;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** The timeouts and retry policies of the webhook activities, side by side. */
public final class WebhookActivityOptions {

  /** The most attempts of one delivery; with the backoff below they span about a day. */
  public static final int MAX_ATTEMPTS = 150;

  /** Reading a run's webhooks: store work only. */
  public static final ActivityOptions LOOKUP =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofMillis(500))
                  .setMaximumInterval(Duration.ofSeconds(30))
                  .setMaximumAttempts(20)
                  .build())
          .build();

  /**
   * One delivery: 2 s, doubling up to 10 min between attempts, for up to {@link #MAX_ATTEMPTS}
   * attempts or a day; a receiver's 4xx refusal and a refused target are not retried.
   */
  public static final ActivityOptions DELIVERY =
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
          .build();

  private WebhookActivityOptions() {}
}
