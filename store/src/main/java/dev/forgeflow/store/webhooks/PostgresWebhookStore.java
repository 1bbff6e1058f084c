package dev.forgeflow.store.webhooks;

import static dev.forgeflow.store.jooq.Tables.PROJECT_WEBHOOKS;
import static dev.forgeflow.store.jooq.Tables.WEBHOOK_DELIVERIES;

import dev.forgeflow.store.jooq.tables.records.ProjectWebhooksRecord;
import dev.forgeflow.store.jooq.tables.records.WebhookDeliveriesRecord;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/** Webhooks in {@code project_webhooks}, their attempts in {@code webhook_deliveries}. */
public final class PostgresWebhookStore implements WebhookStore {

  private static final String FOREIGN_KEY_VIOLATION = "23503";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DSLContext db;
  private final Clock clock;

  public PostgresWebhookStore(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public CreatedWebhook create(String projectId, String url) {
    ProjectWebhooksRecord row = db.newRecord(PROJECT_WEBHOOKS);
    row.setId("wh_" + UUID.randomUUID().toString().replace("-", ""));
    row.setProjectId(projectId);
    row.setUrl(url);
    row.setSecret(newSecret());
    row.setCreatedAt(
        OffsetDateTime.now(clock)
            .withOffsetSameInstant(ZoneOffset.UTC)
            .truncatedTo(ChronoUnit.MICROS));
    row.setActive(true);
    try {
      row.insert();
    } catch (DataAccessException e) {
      if (FOREIGN_KEY_VIOLATION.equals(e.sqlState())) {
        throw new NoSuchElementException("No project " + projectId);
      }
      throw e;
    }
    return new CreatedWebhook(toWebhook(row), row.getSecret());
  }

  @Override
  public List<Webhook> list(String projectId) {
    return db.selectFrom(PROJECT_WEBHOOKS)
        .where(PROJECT_WEBHOOKS.PROJECT_ID.eq(projectId))
        .and(PROJECT_WEBHOOKS.ACTIVE.isTrue())
        .orderBy(PROJECT_WEBHOOKS.CREATED_AT.desc(), PROJECT_WEBHOOKS.ID.desc())
        .fetch(PostgresWebhookStore::toWebhook);
  }

  @Override
  public Optional<Webhook> find(String projectId, String webhookId) {
    return db.selectFrom(PROJECT_WEBHOOKS)
        .where(PROJECT_WEBHOOKS.PROJECT_ID.eq(projectId))
        .and(PROJECT_WEBHOOKS.ID.eq(webhookId))
        .and(PROJECT_WEBHOOKS.ACTIVE.isTrue())
        .fetchOptional(PostgresWebhookStore::toWebhook);
  }

  @Override
  public Optional<WebhookTarget> target(String webhookId) {
    return db.selectFrom(PROJECT_WEBHOOKS)
        .where(PROJECT_WEBHOOKS.ID.eq(webhookId))
        .and(PROJECT_WEBHOOKS.ACTIVE.isTrue())
        .fetchOptional(row -> new WebhookTarget(toWebhook(row), row.getSecret()));
  }

  @Override
  public boolean remove(String projectId, String webhookId) {
    return db.update(PROJECT_WEBHOOKS)
            .set(PROJECT_WEBHOOKS.ACTIVE, false)
            .where(PROJECT_WEBHOOKS.PROJECT_ID.eq(projectId))
            .and(PROJECT_WEBHOOKS.ID.eq(webhookId))
            .and(PROJECT_WEBHOOKS.ACTIVE.isTrue())
            .execute()
        == 1;
  }

  @Override
  public void log(DeliveryAttempt attempt) {
    WebhookDeliveriesRecord row = db.newRecord(WEBHOOK_DELIVERIES);
    row.setWebhookId(attempt.webhookId());
    row.setDeliveryId(attempt.deliveryId());
    row.setRunId(attempt.runId());
    row.setEvent(attempt.event());
    row.setAttempt(attempt.attempt());
    row.setStatusCode(attempt.statusCode());
    row.setError(attempt.error());
    row.setResponseMs(attempt.responseMillis());
    row.setDeliveredAt(attempt.deliveredAt());
    row.setFailedAt(attempt.failedAt());
    row.setLastAttempt(attempt.last());
    row.insert();
  }

  @Override
  public List<DeliveryAttempt> deliveries(String webhookId, int limit) {
    return db.selectFrom(WEBHOOK_DELIVERIES)
        .where(WEBHOOK_DELIVERIES.WEBHOOK_ID.eq(webhookId))
        .orderBy(WEBHOOK_DELIVERIES.ID.desc())
        .limit(Math.max(0, Math.min(limit, MAX_DELIVERIES)))
        .fetch(PostgresWebhookStore::toAttempt);
  }

  /** {@code whsec_} and 256 random bits in URL-safe Base64. */
  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Webhook toWebhook(ProjectWebhooksRecord row) {
    return new Webhook(
        row.getId(), row.getProjectId(), row.getUrl(), row.getCreatedAt(), row.getActive());
  }

  private static DeliveryAttempt toAttempt(WebhookDeliveriesRecord row) {
    return new DeliveryAttempt(
        row.getWebhookId(),
        row.getDeliveryId(),
        row.getRunId(),
        row.getEvent(),
        row.getAttempt(),
        row.getStatusCode(),
        row.getError(),
        row.getResponseMs(),
        row.getDeliveredAt(),
        row.getFailedAt(),
        row.getLastAttempt());
  }
}
