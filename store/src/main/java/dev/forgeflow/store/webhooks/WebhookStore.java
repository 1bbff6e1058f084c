package dev.forgeflow.store.webhooks;

import java.util.List;
import java.util.Optional;

/**
 * Projects' webhooks and their delivery log. Callers check that the project is the caller's first:
 * the store answers for any project id. A webhook's secret leaves the store only in {@link
 * #create}'s answer and in {@link #target}, which only deliveries use.
 */
public interface WebhookStore {

  /** The most attempts {@link #deliveries} answers with. */
  int MAX_DELIVERIES = 200;

  /**
   * Registers a URL for a project, with a new random secret ({@code whsec_} and 256 random bits).
   * The URL is stored as given: callers check it first ({@link WebhookUrls}).
   *
   * @throws java.util.NoSuchElementException if there is no such project
   */
  CreatedWebhook create(String projectId, String url);

  /** A project's active webhooks, the newest first. */
  List<Webhook> list(String projectId);

  /** One of a project's active webhooks. */
  Optional<Webhook> find(String projectId, String webhookId);

  /** An active webhook with its secret, for a delivery; empty once it is removed. */
  Optional<WebhookTarget> target(String webhookId);

  /** Removes one of a project's webhooks (its delivery log stays); false if it had none such. */
  boolean remove(String projectId, String webhookId);

  /** Logs one delivery attempt. */
  void log(DeliveryAttempt attempt);

  /** Up to {@code limit} (at most {@link #MAX_DELIVERIES}) attempts of a webhook, newest first. */
  List<DeliveryAttempt> deliveries(String webhookId, int limit);
}
