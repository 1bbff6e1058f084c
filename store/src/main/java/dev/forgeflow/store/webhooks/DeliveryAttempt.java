package dev.forgeflow.store.webhooks;

import java.time.OffsetDateTime;

/**
 * One attempt to deliver an event to a webhook.
 *
 * @param deliveryId the id of the delivery (the same for each of its attempts)
 * @param attempt 1 for the first attempt, counting on for its retries
 * @param statusCode the receiver's HTTP status, or null if it gave none
 * @param error why the attempt failed when there is no status to say so (refused target, time-out,
 *     connection error), or null
 * @param responseMillis how long the receiver took to answer, or null if it did not
 * @param deliveredAt when the receiver accepted it (2xx), or null
 * @param failedAt when the attempt failed, or null
 * @param last no attempt follows this one: it was delivered, or failed for good
 */
public record DeliveryAttempt(
    String webhookId,
    String deliveryId,
    String runId,
    String event,
    int attempt,
    Integer statusCode,
    String error,
    Long responseMillis,
    OffsetDateTime deliveredAt,
    OffsetDateTime failedAt,
    boolean last) {}
