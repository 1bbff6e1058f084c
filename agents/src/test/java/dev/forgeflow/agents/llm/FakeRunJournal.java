package dev.forgeflow.agents.llm;

import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.RunJournal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fake {@link RunJournal} in memory for the llm tests: idempotent per fact key like the real one;
 * {@code awaitAfter} does not wait.
 */
final class FakeRunJournal implements RunJournal {
  private final List<JournalEvent> events = new ArrayList<>();

  private final Map<String, Long> keyed = new HashMap<>();

  @Override
  public synchronized long append(
      String runId, String type, String payloadJson, int attempt, String factKey) {
    if (factKey != null) {
      Long known = keyed.get(runId + "\n" + factKey);
      if (known != null) {
        return known;
      }
    }
    long seq = events.stream().filter(e -> e.runId().equals(runId)).count() + 1;
    events.add(
        new JournalEvent(
            runId, seq, type, payloadJson, attempt, OffsetDateTime.now(ZoneOffset.UTC)));
    if (factKey != null) {
      keyed.put(runId + "\n" + factKey, seq);
    }
    return seq;
  }

  @Override
  public synchronized List<JournalEvent> readAfter(String runId, long afterSeq, int limit) {
    return events.stream()
        .filter(e -> e.runId().equals(runId) && e.seq() > afterSeq)
        .limit(limit)
        .toList();
  }

  @Override
  public List<JournalEvent> awaitAfter(String runId, long afterSeq, int limit, Duration maxWait) {
    return readAfter(runId, afterSeq, limit);
  }

  synchronized List<JournalEvent> events(String type) {
    return new ArrayList<>(events.stream().filter(e -> e.type().equals(type)).toList());
  }
}
