package dev.forgeflow.store.feed;

import dev.forgeflow.store.ChannelListener;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * One connection listening for the notifications that journal appends send, fanned out to every
 * subscriber of the run each one names. Started by the first registration; a lost connection is
 * replaced, and everyone is woken to re-read, since notifications sent meanwhile are gone.
 * Callbacks run on the listening thread and must not block.
 */
final class RunNotifications implements AutoCloseable {

  /** The channel appends notify with the run id as payload (see {@code PostgresRunJournal}). */
  static final String CHANNEL = "forgeflow_run_events";

  private final Map<String, Set<Runnable>> byRun = new ConcurrentHashMap<>();
  private final AtomicLong clock = new AtomicLong();
  private final Map<String, AtomicLong> lastNotice = new ConcurrentHashMap<>();
  private final ChannelListener listener;

  RunNotifications(DataSource dataSource) {
    this.listener =
        new ChannelListener(dataSource, CHANNEL, "journal feed", this::wake, this::wakeAll);
  }

  /** Calls {@code wake} whenever the run may have new events; run the result to stop. */
  Runnable register(String runId, Runnable wake) {
    listener.start();
    byRun.compute(
        runId, (id, wakes) -> add(wakes == null ? ConcurrentHashMap.newKeySet() : wakes, wake));
    return () -> {
      if (byRun.computeIfPresent(runId, (id, wakes) -> remove(wakes, wake)) == null) {
        lastNotice.remove(runId);
      }
    };
  }

  /** Wakes everyone: any run may have new events. */
  void wakeAll() {
    long now = clock.incrementAndGet();
    byRun.keySet().forEach(id -> notice(id, now));
    byRun.values().forEach(wakes -> wakes.forEach(Runnable::run));
  }

  /** The clock's time now: a read that starts later sees every notified append. */
  long now() {
    return clock.get();
  }

  /**
   * When the run was last notified, by {@link #now()}'s clock; while it has not been since it is
   * followed, later than any read. The clock only moves forward, so a read stamped before a
   * notification never passes for one after it.
   */
  long lastNotice(String runId) {
    AtomicLong at = lastNotice.get(runId);
    return at == null ? Long.MAX_VALUE : at.get();
  }

  /** Whether anyone follows the run. */
  boolean followed(String runId) {
    return byRun.containsKey(runId);
  }

  private void notice(String runId, long now) {
    if (byRun.containsKey(runId)) {
      lastNotice.computeIfAbsent(runId, id -> new AtomicLong()).accumulateAndGet(now, Math::max);
    }
  }

  private void wake(String runId) {
    notice(runId, clock.incrementAndGet());
    Set<Runnable> wakes = byRun.get(runId);
    if (wakes != null) {
      wakes.forEach(Runnable::run);
    }
  }

  private static Set<Runnable> add(Set<Runnable> wakes, Runnable wake) {
    wakes.add(wake);
    return wakes;
  }

  private static Set<Runnable> remove(Set<Runnable> wakes, Runnable wake) {
    wakes.remove(wake);
    return wakes.isEmpty() ? null : wakes;
  }

  /** Stops listening and gives the connection back to the pool, waiting a little for both. */
  @Override
  public void close() {
    listener.close();
  }
}
