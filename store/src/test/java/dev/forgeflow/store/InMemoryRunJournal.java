package dev.forgeflow.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fake {@link RunJournal} in memory: gapless per-run sequence, idempotent per fact key, blocking
 * awaitAfter.
 */
public final class InMemoryRunJournal implements RunJournal {

  private final InMemoryRunStore runs;
  private final Map<String, List<JournalEvent>> eventsByRun = new HashMap<>();
  private final Map<String, Map<String, Long>> seqByRunAndKey = new HashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition appended = lock.newCondition();

  public InMemoryRunJournal(InMemoryRunStore runs) {
    this.runs = runs;
  }

  @Override
  public long append(String runId, String type, String payloadJson, int attempt, String factKey) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payloadJson, "payloadJson");
    runs.requireRun(runId);
    String payload =
        StorableJson.bounded(
            payloadJson,
            StorableJson.JOURNAL_PAYLOAD_BYTES,
            "the payload of event '" + StorableText.of(type) + "' of run " + runId);
    lock.lock();
    try {
      Map<String, Long> keys = seqByRunAndKey.computeIfAbsent(runId, id -> new HashMap<>());
      if (factKey != null && keys.containsKey(factKey)) {
        return keys.get(factKey);
      }
      List<JournalEvent> events = eventsByRun.computeIfAbsent(runId, id -> new ArrayList<>());
      long seq = events.size() + 1L;
      if (factKey != null) {
        keys.put(factKey, seq);
      }
      events.add(new JournalEvent(runId, seq, type, payload, attempt, InMemoryRunStore.now()));
      appended.signalAll();
      return seq;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<JournalEvent> readAfter(String runId, long afterSeq, int limit) {
    lock.lock();
    try {
      List<JournalEvent> events = eventsByRun.getOrDefault(runId, List.of());
      // seq n sits at index n - 1, so the events after afterSeq start at index afterSeq.
      int from = (int) Math.min(Math.max(afterSeq, 0), events.size());
      int to = (int) Math.min((long) from + limit, events.size());
      return List.copyOf(events.subList(from, to));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<JournalEvent> awaitAfter(String runId, long afterSeq, int limit, Duration maxWait) {
    lock.lock();
    try {
      long remaining = maxWait.toNanos();
      List<JournalEvent> events = readAfter(runId, afterSeq, limit);
      while (events.isEmpty() && remaining > 0) {
        remaining = appended.awaitNanos(remaining);
        events = readAfter(runId, afterSeq, limit);
      }
      return events;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } finally {
      lock.unlock();
    }
  }
}
