package dev.forgeflow.store.feed;

import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.RunJournal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live reads of a run's journal shared by its subscribers: a notification wakes them all, the first
 * to read queries the journal and the others take its rows. Rows serve a subscriber only if their
 * query started after the run's last notification, so nobody misses an append.
 */
final class SharedReads {
  private final RunJournal journal;
  private final RunNotifications notifications;
  private final Map<String, Tail> tails = new ConcurrentHashMap<>();

  SharedReads(RunJournal journal, RunNotifications notifications) {
    this.journal = journal;
    this.notifications = notifications;
  }

  /** Like {@link RunJournal#readAfter}, for a subscriber that has caught up with the run. */
  List<JournalEvent> readAfter(String runId, long afterSeq, int limit) {
    return tails.computeIfAbsent(runId, Tail::new).read(afterSeq, limit);
  }

  /** Forgets the rows of runs nobody follows any more. */
  void forgetUnfollowed() {
    tails.keySet().removeIf(runId -> !notifications.followed(runId));
  }

  private final class Tail {
    private final String runId;
    private long readAt = -1;
    private long from;
    private int limit;
    private List<JournalEvent> rows = List.of();

    Tail(String runId) {
      this.runId = runId;
    }

    /**
     * The cached rows after {@code afterSeq} if they are all there are: their query read to the
     * end, started at or before {@code afterSeq} and after the run's last notification. Else one
     * query, which the run's other subscribers then share; they wait for it rather than query too.
     * Rows never change once written, so a cached row is always the right one.
     */
    synchronized List<JournalEvent> read(long afterSeq, int max) {
      boolean complete = rows.size() < limit;
      if (complete && afterSeq >= from && readAt >= notifications.lastNotice(runId)) {
        return rows.stream().filter(e -> e.seq() > afterSeq).limit(max).toList();
      }
      long at = notifications.now();
      List<JournalEvent> read = journal.readAfter(runId, afterSeq, max);
      readAt = at;
      from = afterSeq;
      limit = max;
      rows = read;
      return read;
    }
  }
}
