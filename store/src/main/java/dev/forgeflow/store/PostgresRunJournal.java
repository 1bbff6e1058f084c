package dev.forgeflow.store;

import static dev.forgeflow.store.jooq.Tables.RUN_EVENTS;

import dev.forgeflow.store.jooq.tables.records.RunEventsRecord;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;

/**
 * The journal in the {@code run_events} table. An append takes the next number from {@code
 * runs.last_seq} with UPDATE ... RETURNING in the same transaction as its insert: the row lock
 * makes the run's writers commit one after another in sequence order, so readers never see a gap
 * that a slower writer fills later. The transaction also notifies the listener, which wakes waiting
 * readers. Appends with a fact key are idempotent: a unique index on {@code (run_id, fact_key)}
 * holds each key once per run.
 */
final class PostgresRunJournal implements RunJournal, AutoCloseable {

  /** How often a waiter re-reads even without a notification, should one go missing. */
  private static final long RECHECK_NANOS = Duration.ofSeconds(5).toNanos();

  private final DSLContext db;
  private final JournalListener listener;

  PostgresRunJournal(DSLContext db, JournalListener listener) {
    this.db = db;
    this.listener = listener;
  }

  /**
   * One statement, so one round trip: take the run's next number, insert the event, notify. As a
   * single statement it is one transaction, and the row lock on {@code runs} is held until it
   * commits, so a run's writers commit in sequence order. A key already in the journal takes no
   * number. A writer that raced another with the same key fails on the unique index instead, and
   * its whole statement, the number it took included, rolls back: the sequence keeps no gap.
   */
  private static final String APPEND =
      "with next as (update runs set last_seq = last_seq + 1 where id = ?"
          + " and not exists (select 1 from run_events where run_id = ? and fact_key = ?)"
          + " returning last_seq),"
          + " inserted as (insert into run_events (run_id, seq, type, payload, attempt, fact_key)"
          + " select ?, last_seq, ?, cast(? as jsonb), ?, cast(? as varchar) from next"
          + " returning seq)"
          + " select seq, pg_notify('"
          + JournalListener.CHANNEL
          + "', ?) from inserted";

  private static final String UNIQUE_VIOLATION = "23505";

  @Override
  public long append(String runId, String type, String payloadJson, int attempt, String factKey) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payloadJson, "payloadJson");
    String storableType = StorableText.of(type);
    String key = factKey == null ? null : StorableText.of(factKey);
    String payload =
        StorableJson.bounded(
            payloadJson,
            StorableJson.JOURNAL_PAYLOAD_BYTES,
            "the payload of event '" + storableType + "' of run " + runId);
    Record appended;
    try {
      appended =
          db.fetchOne(APPEND, runId, runId, key, runId, storableType, payload, attempt, key, runId);
    } catch (DataAccessException e) {
      if (key != null && UNIQUE_VIOLATION.equals(e.sqlState())) {
        return existing(runId, key).orElseThrow(() -> e);
      }
      throw e;
    }
    if (appended != null) {
      return appended.get(0, Long.class);
    }
    return Optional.ofNullable(key)
        .flatMap(k -> existing(runId, k))
        .orElseThrow(() -> RunMustExist.noSuchRun(runId));
  }

  private Optional<Long> existing(String runId, String factKey) {
    return db.select(RUN_EVENTS.SEQ)
        .from(RUN_EVENTS)
        .where(RUN_EVENTS.RUN_ID.eq(runId).and(RUN_EVENTS.FACT_KEY.eq(factKey)))
        .fetchOptional(RUN_EVENTS.SEQ);
  }

  @Override
  public List<JournalEvent> readAfter(String runId, long afterSeq, int limit) {
    return db.selectFrom(RUN_EVENTS)
        .where(RUN_EVENTS.RUN_ID.eq(runId).and(RUN_EVENTS.SEQ.gt(afterSeq)))
        .orderBy(RUN_EVENTS.SEQ)
        .limit(limit)
        .fetch(PostgresRunJournal::toEvent);
  }

  @Override
  public List<JournalEvent> awaitAfter(String runId, long afterSeq, int limit, Duration maxWait) {
    long deadline = System.nanoTime() + maxWait.toNanos();
    try (RunSignals.Subscription subscription = listener.signals().subscribe(runId)) {
      while (true) {
        long generation = subscription.generation();
        List<JournalEvent> events = readAfter(runId, afterSeq, limit);
        long remaining = deadline - System.nanoTime();
        if (!events.isEmpty() || remaining <= 0) {
          return events;
        }
        subscription.awaitChange(generation, Math.min(remaining, RECHECK_NANOS));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  private static JournalEvent toEvent(RunEventsRecord row) {
    return new JournalEvent(
        row.getRunId(),
        row.getSeq(),
        row.getType(),
        Json.text(row.getPayload()),
        row.getAttempt(),
        row.getCreatedAt());
  }

  @Override
  public void close() {
    listener.close();
  }
}
