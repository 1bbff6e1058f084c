package dev.forgeflow.store.feed;

/**
 * Ends a subscription to a {@link JournalFeed} whose subscriber fell more than its buffer behind
 * the run's journal. Nothing after {@link #lastDeliveredSeq()} was delivered, so the subscriber
 * resumes exactly by subscribing again after that number (over HTTP: reconnecting with {@code
 * Last-Event-ID}).
 */
public final class SubscriberTooSlow extends RuntimeException {

  private final String runId;
  private final long lastDeliveredSeq;

  SubscriberTooSlow(String runId, long lastDeliveredSeq, int bufferSize) {
    super(
        "The subscriber to run "
            + runId
            + " fell more than "
            + bufferSize
            + " events behind; the last event it received is "
            + lastDeliveredSeq
            + ", resume after it",
        null,
        false,
        false);
    this.runId = runId;
    this.lastDeliveredSeq = lastDeliveredSeq;
  }

  /** The run the subscriber followed. */
  public String runId() {
    return runId;
  }

  /** The sequence number of the last event delivered, or the starting point if none was. */
  public long lastDeliveredSeq() {
    return lastDeliveredSeq;
  }
}
