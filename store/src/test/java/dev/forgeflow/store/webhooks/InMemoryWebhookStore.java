package dev.forgeflow.store.webhooks;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** An in-memory {@link WebhookStore} for tests. */
public final class InMemoryWebhookStore implements WebhookStore {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, WebhookTarget> rows = new ConcurrentHashMap<>();
  private final List<DeliveryAttempt> attempts = new CopyOnWriteArrayList<>();
  private final Predicate<String> projectExists;

  public InMemoryWebhookStore(Predicate<String> projectExists) {
    this.projectExists = projectExists;
  }

  @Override
  public CreatedWebhook create(String projectId, String url) {
    if (!projectExists.test(projectId)) {
      throw new NoSuchElementException("No project " + projectId);
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Webhook webhook =
        new Webhook(
            "wh_" + UUID.randomUUID().toString().replace("-", ""),
            projectId,
            url,
            OffsetDateTime.now(ZoneOffset.UTC),
            true);
    rows.put(webhook.id(), new WebhookTarget(webhook, secret));
    return new CreatedWebhook(webhook, secret);
  }

  @Override
  public List<Webhook> list(String projectId) {
    return rows.values().stream()
        .map(WebhookTarget::webhook)
        .filter(w -> w.active() && w.projectId().equals(projectId))
        .sorted(Comparator.comparing(Webhook::createdAt).reversed())
        .toList();
  }

  @Override
  public Optional<Webhook> find(String projectId, String webhookId) {
    return list(projectId).stream().filter(w -> w.id().equals(webhookId)).findFirst();
  }

  @Override
  public Optional<WebhookTarget> target(String webhookId) {
    return Optional.ofNullable(rows.get(webhookId)).filter(t -> t.webhook().active());
  }

  @Override
  public synchronized boolean remove(String projectId, String webhookId) {
    Optional<Webhook> found = find(projectId, webhookId);
    found.ifPresent(
        w ->
            rows.computeIfPresent(
                webhookId,
                (id, t) ->
                    new WebhookTarget(
                        new Webhook(w.id(), w.projectId(), w.url(), w.createdAt(), false),
                        t.secret())));
    return found.isPresent();
  }

  @Override
  public void log(DeliveryAttempt attempt) {
    attempts.add(attempt);
  }

  @Override
  public List<DeliveryAttempt> deliveries(String webhookId, int limit) {
    List<DeliveryAttempt> mine =
        new ArrayList<>(attempts.stream().filter(a -> a.webhookId().equals(webhookId)).toList());
    java.util.Collections.reverse(mine);
    return mine.stream().limit(Math.max(0, Math.min(limit, MAX_DELIVERIES))).toList();
  }
}
