package dev.forgeflow.store.feed;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection listening for the notifications that journal appends send, fanned out to every
 * subscriber of the run each one names. Started by the first registration; a lost connection is
 * replaced, and everyone is woken to re-read, since notifications sent meanwhile are gone.
 * Callbacks run on the listening thread and must not block.
 */
final class RunNotifications implements AutoCloseable {

  /** The channel appends notify with the run id as payload (see {@code PostgresRunJournal}). */
  static final String CHANNEL = "forgeflow_run_events";

  private static final Logger LOG = LoggerFactory.getLogger(RunNotifications.class);
  private static final int POLL_MILLIS = 250;
  private static final long RETRY_MILLIS = 1_000;
  private static final long CLOSE_MILLIS = 5_000;

  private final DataSource dataSource;
  private final Map<String, Set<Runnable>> byRun = new ConcurrentHashMap<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicLong clock = new AtomicLong();
  private final Map<String, AtomicLong> lastNotice = new ConcurrentHashMap<>();
  private volatile Thread thread;
  private volatile boolean closed;
  private int failures;

  RunNotifications(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Calls {@code wake} whenever the run may have new events; run the result to stop. */
  Runnable register(String runId, Runnable wake) {
    startOnce();
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

  private void startOnce() {
    if (started.compareAndSet(false, true)) {
      Thread listener = new Thread(this::listenUntilClosed, "forgeflow-journal-feed-listener");
      listener.setDaemon(true);
      thread = listener;
      listener.start();
    }
  }

  private void listenUntilClosed() {
    while (!closed && !dataSourceClosed()) {
      try {
        listen();
      } catch (SQLException | RuntimeException e) {
        if (closed || dataSourceClosed()) {
          return;
        }
        logFailure(e);
        wakeAll();
        pause();
      }
    }
  }

  private void listen() throws SQLException {
    Connection connection = dataSource.getConnection();
    try {
      listenOn(connection);
    } catch (SQLException | RuntimeException e) {
      discard(connection);
      throw e;
    } finally {
      connection.close();
    }
  }

  private void listenOn(Connection connection) throws SQLException {
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      statement.execute("LISTEN " + CHANNEL);
    }
    PGConnection postgres = connection.unwrap(PGConnection.class);
    failures = 0;
    // Events appended before LISTEN took effect sent no notification we can see: re-read.
    wakeAll();
    while (!closed) {
      PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
      if (notifications != null) {
        for (PGNotification notification : notifications) {
          wake(notification.getParameter());
        }
      }
    }
    // The connection goes back to the pool: it must not go on collecting notifications there.
    try (Statement statement = connection.createStatement()) {
      statement.execute("UNLISTEN " + CHANNEL);
    }
  }

  /** Keeps a failed connection out of the pool: its failure bypassed the pool's own checks. */
  private void discard(Connection connection) {
    if (dataSource instanceof HikariDataSource hikari && !hikari.isClosed()) {
      hikari.evictConnection(connection);
    }
  }

  private boolean dataSourceClosed() {
    return dataSource instanceof HikariDataSource hikari && hikari.isClosed();
  }

  private void logFailure(Exception e) {
    if (++failures == 1) {
      LOG.warn(
          "Journal feed lost its listening connection; subscribers re-read until it is back", e);
    } else {
      LOG.debug("Journal feed still cannot listen (attempt {})", failures, e);
    }
  }

  private void pause() {
    try {
      Thread.sleep(RETRY_MILLIS);
    } catch (InterruptedException e) {
      closed = true;
      Thread.currentThread().interrupt();
    }
  }

  /** Stops listening and gives the connection back to the pool, waiting a little for both. */
  @Override
  public void close() {
    closed = true;
    Thread listener = thread;
    if (listener != null && listener != Thread.currentThread()) {
      try {
        listener.join(CLOSE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
