package dev.forgeflow.store.feed;

import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.RunJournal;
import dev.forgeflow.store.RunStore;
import dev.forgeflow.store.Stores;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs' journals as live streams, for many subscribers at once: what the gateway serves as
 * Server-Sent Events.
 *
 * <p>One feed holds one PostgreSQL connection that {@code LISTEN}s for appends of every run, and
 * wakes the subscribers of the run each notification names; each then reads the new rows after the
 * last one it read. Reads run on the feed's own bounded pool of threads, never on the subscriber's
 * thread. Every subscriber also re-reads every {@link FeedSettings#recheckInterval()} whatever it
 * heard, so a lost notification costs latency, never an event.
 *
 * <p>Close the feed before the data source: closing releases the listening connection and the
 * reading threads, and ends open subscriptions with an error.
 */
public final class JournalFeed implements AutoCloseable {

  private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(10);

  private final FeedSubscription.Context context;
  private final Disposable recheck;

  private JournalFeed(FeedSubscription.Context context, Scheduler ticker) {
    this.context = context;
    long interval = context.settings().recheckInterval().toMillis();
    this.recheck =
        Disposables.composite(
            ticker.schedulePeriodically(
                () -> {
                  context.reads().forgetUnfollowed();
                  context.notifications().wakeAll();
                },
                interval,
                interval,
                TimeUnit.MILLISECONDS),
            ticker);
  }

  /**
   * A feed of the PostgreSQL journal behind {@code stores}, listening through {@code dataSource}
   * (the database those stores use). The listening connection is taken from the data source on the
   * first subscription and kept until {@link #close()}.
   */
  public static JournalFeed postgres(DataSource dataSource, Stores stores, FeedSettings settings) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(stores, "stores");
    Objects.requireNonNull(settings, "settings");
    return create(stores.runs(), stores.journal(), new RunNotifications(dataSource), settings);
  }

  static JournalFeed create(
      RunStore runs, RunJournal journal, RunNotifications notifications, FeedSettings settings) {
    Scheduler readers =
        Schedulers.newBoundedElastic(
            settings.readerThreads(), Integer.MAX_VALUE, "forgeflow-journal-feed", 60, true);
    Scheduler ticker = Schedulers.newSingle("forgeflow-journal-feed-recheck", true);
    return new JournalFeed(
        new FeedSubscription.Context(
            runs,
            journal,
            notifications,
            readers,
            settings,
            new AtomicBoolean(),
            new SharedReads(journal, notifications)),
        ticker);
  }

  /**
   * Every event of the run with a sequence number above {@code afterSeq}, in order, each once; the
   * flux completes right after delivering the run's end (an event of one of {@link
   * FeedSettings#terminalTypes()}), or at once if event {@code afterSeq} was that end. Nothing is
   * read until it is subscribed; each subscription starts anew from {@code afterSeq}.
   *
   * <p>The backlog already in the journal is served at the subscriber's pace. Once it has caught
   * up, a subscriber that lets more than {@link FeedSettings#bufferSize()} new events wait beyond
   * its demand is ended with {@link SubscriberTooSlow}, which names the last event it received;
   * others are not held up by it.
   *
   * @param afterSeq 0 for the whole journal, or the sequence number of an event of the run (such as
   *     the last one a client received)
   * @return a flux that fails with {@link java.util.NoSuchElementException} if there is no such
   *     run, with {@link IllegalArgumentException} if the run has no event {@code afterSeq}, and
   *     with {@link IllegalStateException} if the feed is closed
   * @throws IllegalArgumentException if {@code runId} is null or blank, or {@code afterSeq} is
   *     negative
   */
  public Flux<JournalEvent> events(String runId, long afterSeq) {
    if (runId == null || runId.isBlank()) {
      throw new IllegalArgumentException("runId must not be blank");
    }
    if (afterSeq < 0) {
      throw new IllegalArgumentException("afterSeq must not be negative, got " + afterSeq);
    }
    return Flux.from(
        subscriber -> new FeedSubscription(context, runId, afterSeq, subscriber).start());
  }

  /** Stops listening and reading; open subscriptions end with an {@link IllegalStateException}. */
  @Override
  public void close() {
    if (!context.closed().compareAndSet(false, true)) {
      return;
    }
    recheck.dispose();
    context.notifications().close();
    // Each subscriber's next drain sees the feed closed and ends it; let those drains run.
    context.notifications().wakeAll();
    Scheduler readers = context.readers();
    readers
        .disposeGracefully()
        .timeout(CLOSE_PATIENCE)
        .onErrorResume(late -> Mono.fromRunnable(readers::dispose))
        .block();
  }
}
