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
   * Appends an event and returns its sequence number. Not idempotent: two calls are two events.
   *
   * <p>Text PostgreSQL cannot hold (NUL, unpaired surrogates) is stored as U+FFFD; a payload over
   * 64 KiB of UTF-8 is stored with its longest strings cut, each ending in a marker.
   *
   * @param payloadJson a small JSON document; large content belongs in an artifact or a bundle
   * @throws java.util.NoSuchElementException if there is no such run
   * @throws UnstorableContentException if the payload is not JSON, or too large even when cut
   */
  long append(String runId, String type, String payloadJson, int attempt);

  /** Up to {@code limit} events with a sequence number above {@code afterSeq}, in order. */
  List<JournalEvent> readAfter(String runId, long afterSeq, int limit);

  /**
   * Like {@link #readAfter}, but if there is no such event yet, waits until one is appended or
   * {@code maxWait} has passed, whichever comes first. Returns an empty list on time-out, or at
   * once with the interrupt flag kept if the calling thread is interrupted.
   */
  List<JournalEvent> awaitAfter(String runId, long afterSeq, int limit, Duration maxWait);
}
