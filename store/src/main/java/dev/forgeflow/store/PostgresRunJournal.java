package dev.forgeflow.store;

import static dev.forgeflow.store.jooq.Tables.RUN_EVENTS;

import dev.forgeflow.store.jooq.tables.records.RunEventsRecord;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The journal in the {@code run_events} table. An append takes the next number from {@code
 * runs.last_seq} with UPDATE ... RETURNING in the same transaction as its insert: the row lock
 * makes the run's writers commit one after another in sequence order, so readers never see a gap
 * that a slower writer fills later. The transaction also notifies the listener, which wakes waiting
 * readers.
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
   * commits, so a run's writers commit in sequence order.
   */
  private static final String APPEND =
      "with next as (update runs set last_seq = last_seq + 1 where id = ? returning last_seq),"
          + " inserted as (insert into run_events (run_id, seq, type, payload, attempt)"
          + " select ?, last_seq, ?, cast(? as jsonb), ? from next returning seq)"
          + " select seq, pg_notify('"
          + JournalListener.CHANNEL
          + "', ?) from inserted";

  @Override
  public long append(String runId, String type, String payloadJson, int attempt) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payloadJson, "payloadJson");
    String storableType = StorableText.of(type);
    String payload =
        StorableJson.bounded(
            payloadJson,
            StorableJson.JOURNAL_PAYLOAD_BYTES,
            "the payload of event '" + storableType + "' of run " + runId);
    Record appended = db.fetchOne(APPEND, runId, runId, storableType, payload, attempt, runId);
    if (appended == null) {
      throw RunMustExist.noSuchRun(runId);
    }
    return appended.get(0, Long.class);
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
