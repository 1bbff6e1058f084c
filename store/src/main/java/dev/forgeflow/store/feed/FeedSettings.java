package dev.forgeflow.store.feed;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link JournalFeed} serves its subscribers.
 *
 * @param terminalTypes the event types that end a run (the catalogue's run-ending types); a
 *     subscription completes right after delivering one
 * @param bufferSize how many new events a subscriber may have waiting before it is dropped with
 *     {@link SubscriberTooSlow}; also the most rows read at once
 * @param recheckInterval how often every subscriber re-reads without a notification, so a lost
 *     notification costs latency, never an event
 * @param readerThreads the most threads reading the journal at once (each holds a pooled connection
 *     while it reads)
 */
public record FeedSettings(
    Set<String> terminalTypes, int bufferSize, Duration recheckInterval, int readerThreads) {

  /** The default buffer: a thousand events. */
  public static final int DEFAULT_BUFFER_SIZE = 1_000;

  /** The default re-read interval: five seconds. */
  public static final Duration DEFAULT_RECHECK_INTERVAL = Duration.ofSeconds(5);

  /** The default number of reading threads. */
  public static final int DEFAULT_READER_THREADS = 4;

  public FeedSettings {
    Objects.requireNonNull(terminalTypes, "terminalTypes");
    Objects.requireNonNull(recheckInterval, "recheckInterval");
    if (terminalTypes.isEmpty()) {
      throw new IllegalArgumentException("terminalTypes must name at least one event type");
    }
    terminalTypes = Set.copyOf(terminalTypes);
    if (bufferSize < 1) {
      throw new IllegalArgumentException("bufferSize must be at least 1, got " + bufferSize);
    }
    if (recheckInterval.compareTo(Duration.ofMillis(10)) < 0) {
      throw new IllegalArgumentException(
          "recheckInterval must be at least 10 ms, got " + recheckInterval);
    }
    if (readerThreads < 1) {
      throw new IllegalArgumentException("readerThreads must be at least 1, got " + readerThreads);
    }
  }

  /** The defaults, with the given run-ending event types. */
  public static FeedSettings of(Set<String> terminalTypes) {
    return new FeedSettings(
        terminalTypes, DEFAULT_BUFFER_SIZE, DEFAULT_RECHECK_INTERVAL, DEFAULT_READER_THREADS);
  }

  /** These settings with another buffer size. */
  public FeedSettings withBufferSize(int size) {
    return new FeedSettings(terminalTypes, size, recheckInterval, readerThreads);
  }

  /** These settings with another re-read interval. */
  public FeedSettings withRecheckInterval(Duration interval) {
    return new FeedSettings(terminalTypes, bufferSize, interval, readerThreads);
  }

  /** These settings with another number of reading threads. */
  public FeedSettings withReaderThreads(int threads) {
    return new FeedSettings(terminalTypes, bufferSize, recheckInterval, threads);
  }
}
