package dev.forgeflow.store.feed;

import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.RunJournal;
import dev.forgeflow.store.RunStore;
import java.util.ArrayDeque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;

/**
 * One subscriber's view of one run. Every read and every signal to the subscriber happens in {@link
 * #drain()}, on a reader thread, one drain at a time per subscription; requests, notifications and
 * cancellation only record what happened and schedule a drain.
 *
 * <p>First it catches up: the events already in the journal are read as the subscriber's demand and
 * buffer allow, at its own pace. Once a read reaches the end of the journal it is live: each
 * notification reads the new rows after the last one read, and if more than the buffer's worth of
 * them wait beyond what the subscriber asked for, it is ended with {@link SubscriberTooSlow}.
 */
final class FeedSubscription implements Subscription {

  /** What all subscriptions of one feed share. */
  record Context(
      RunStore runs,
      RunJournal journal,
      RunNotifications notifications,
      Scheduler readers,
      FeedSettings settings,
      AtomicBoolean closed,
      SharedReads reads) {}

  private final Context feed;
  private final String runId;
  private final Subscriber<? super JournalEvent> subscriber;
  private final int capacity;
  private final AtomicLong requested = new AtomicLong();
  private final AtomicInteger work = new AtomicInteger();
  private final AtomicBoolean signalled = new AtomicBoolean();
  private final ArrayDeque<JournalEvent> buffer = new ArrayDeque<>();
  private volatile boolean cancelled;
  private volatile IllegalArgumentException badRequest;
  private volatile Runnable unregister = () -> {};

  // Touched only inside drain().
  private boolean started;
  private boolean done;
  private boolean live;
  private boolean moreToRead = true;
  private boolean endRead;
  private long readSeq;
  private long deliveredSeq;

  FeedSubscription(
      Context feed, String runId, long afterSeq, Subscriber<? super JournalEvent> subscriber) {
    this.feed = feed;
    this.runId = runId;
    this.subscriber = subscriber;
    this.capacity = feed.settings().bufferSize();
    this.readSeq = afterSeq;
    this.deliveredSeq = afterSeq;
  }

  /** Registers for notifications before the first read, so no append goes unnoticed. */
  void start() {
    unregister = feed.notifications().register(runId, this::signal);
    subscriber.onSubscribe(this);
    schedule();
  }

  @Override
  public void request(long n) {
    if (n <= 0) {
      badRequest = new IllegalArgumentException("request must be positive, got " + n);
    } else {
      requested.getAndUpdate(current -> Operators.addCap(current, n));
    }
    schedule();
  }

  @Override
  public void cancel() {
    cancelled = true;
    unregister.run();
    schedule();
  }

  private void signal() {
    signalled.set(true);
    schedule();
  }

  private void schedule() {
    if (work.getAndIncrement() != 0) {
      return;
    }
    try {
      feed.readers().schedule(this::drain);
    } catch (RejectedExecutionException e) {
      // The feed is closed; this thread owns the drain now, nobody else will emit.
      fail(new IllegalStateException("The journal feed is closed", e));
    }
  }

  private void drain() {
    int missed = 1;
    do {
      try {
        step();
      } catch (RuntimeException e) {
        fail(e);
      }
      missed = work.addAndGet(-missed);
    } while (missed != 0);
  }

  private void step() {
    if (done) {
      return;
    }
    if (cancelled) {
      done = true;
      buffer.clear();
      return;
    }
    if (badRequest != null) {
      fail(badRequest);
      return;
    }
    if (feed.closed().get()) {
      fail(new IllegalStateException("The journal feed is closed"));
      return;
    }
    if (!started) {
      started = true;
      if (!startingPointIsValid()) {
        return;
      }
    }
    emit();
    while (!done && !cancelled && !endRead && (moreToRead || signalled.getAndSet(false))) {
      if (!read()) {
        return;
      }
      emit();
    }
  }

  /** The run exists and has an event {@code afterSeq}; if that one ended the run, completes. */
  private boolean startingPointIsValid() {
    if (feed.runs().find(runId).isEmpty()) {
      fail(new NoSuchElementException("No run with id " + runId));
      return false;
    }
    if (readSeq == 0) {
      return true;
    }
    List<JournalEvent> start = feed.journal().readAfter(runId, readSeq - 1, 1);
    if (start.isEmpty() || start.get(0).seq() != readSeq) {
      fail(
          new IllegalArgumentException(
              "Run " + runId + " has no event " + readSeq + " to resume after"));
      return false;
    }
    if (isEnd(start.get(0))) {
      finish();
      return false;
    }
    return true;
  }

  /**
   * Reads what fits into the buffer plus the outstanding demand. Returns false when nothing fits:
   * while catching up that waits for demand, once live it is too slow if more events wait.
   */
  private boolean read() {
    long room = (capacity - buffer.size()) + Math.min(requested.get(), capacity);
    if (room <= 0) {
      if (live && !feed.journal().readAfter(runId, readSeq, 1).isEmpty()) {
        fail(new SubscriberTooSlow(runId, deliveredSeq, capacity));
      }
      return false;
    }
    int limit = (int) Math.min(room, capacity);
    List<JournalEvent> rows =
        live
            ? feed.reads().readAfter(runId, readSeq, limit)
            : feed.journal().readAfter(runId, readSeq, limit);
    for (JournalEvent row : rows) {
      buffer.add(row);
      readSeq = row.seq();
      if (isEnd(row)) {
        endRead = true;
        unregister.run();
        break;
      }
    }
    moreToRead = rows.size() == limit;
    live |= !moreToRead;
    return true;
  }

  private void emit() {
    while (!buffer.isEmpty() && requested.get() > 0 && !cancelled) {
      JournalEvent event = buffer.poll();
      if (requested.get() != Long.MAX_VALUE) {
        requested.decrementAndGet();
      }
      deliveredSeq = event.seq();
      subscriber.onNext(event);
      if (isEnd(event)) {
        finish();
        return;
      }
    }
  }

  private boolean isEnd(JournalEvent event) {
    return feed.settings().terminalTypes().contains(event.type());
  }

  private void finish() {
    done = true;
    unregister.run();
    subscriber.onComplete();
  }

  private void fail(Throwable error) {
    if (done) {
      return;
    }
    done = true;
    unregister.run();
    buffer.clear();
    subscriber.onError(error);
  }
}
