package dev.forgeflow.store;

import java.time.Duration;
import java.util.List;

/**
 * The append-only event journal of each run.
 *
 * <p>Per run, sequence numbers are 1, 2, 3 ... with no gaps, and a reader never sees an event
 * before every event with a smaller sequence number is visible too, however many writers append at
 * once. A reader that remembers the last sequence number it saw therefore misses nothing.
 */
public interface RunJournal {

  /**
   * Appends an event and returns its sequence number. Not idempotent: two calls are two events (an
   * append with no fact key).
   *
   * @see #append(String, String, String, int, String)
   */
  default long append(String runId, String type, String payloadJson, int attempt) {
    return append(runId, type, payloadJson, attempt, null);
  }

  /**
   * Appends an event that describes the fact {@code factKey} and returns its sequence number.
   * Idempotent per run and key: if the run's journal already holds an event with this key, this
   * returns that event's sequence number and writes nothing, however many writers append the key at
   * once; the sequence stays gapless either way. A null key is no key: every such call appends.
   *
   * <p>Text PostgreSQL cannot hold (NUL, unpaired surrogates) is stored as U+FFFD; a payload over
   * 64 KiB of UTF-8 is stored with its longest strings cut, each ending in a marker.
   *
   * @param payloadJson a small JSON document; large content belongs in an artifact or a bundle
   * @param factKey what the event describes, such as {@code <activityId>/code.file/<path>}; null
   *     for an event that is not idempotent
   * @throws java.util.NoSuchElementException if there is no such run
   * @throws UnstorableContentException if the payload is not JSON, or too large even when cut
   */
  long append(String runId, String type, String payloadJson, int attempt, String factKey);

  /** Up to {@code limit} events with a sequence number above {@code afterSeq}, in order. */
  List<JournalEvent> readAfter(String runId, long afterSeq, int limit);

  /**
   * Like {@link #readAfter}, but if there is no such event yet, waits until one is appended or
   * {@code maxWait} has passed, whichever comes first. Returns an empty list on time-out, or at
   * once with the interrupt flag kept if the calling thread is interrupted.
   */
  List<JournalEvent> awaitAfter(String runId, long afterSeq, int limit, Duration maxWait);
}
