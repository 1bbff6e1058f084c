package dev.forgeflow.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on one connection for the notifications that appends send, and wakes the waiters of the
 * run each one names. Started by the first waiter; a lost connection is replaced, and every waiter
 * is woken to re-read, since notifications sent meanwhile are gone.
 */
final class JournalListener implements AutoCloseable {

  static final String CHANNEL = "forgeflow_run_events";

  private static final Logger LOG = LoggerFactory.getLogger(JournalListener.class);
  private static final int POLL_MILLIS = 250;
  private static final long RETRY_MILLIS = 1_000;

  private final DataSource dataSource;
  private final RunSignals signals = new RunSignals();
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean closed;
  private int failures;

  JournalListener(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The signals this listener raises; starts listening on first use. */
  RunSignals signals() {
    if (started.compareAndSet(false, true)) {
      Thread thread = new Thread(this::listenUntilClosed, "forgeflow-journal-listener");
      thread.setDaemon(true);
      thread.start();
    }
    return signals;
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
        signals.signalAll();
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
    signals.signalAll();
    while (!closed) {
      PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
      if (notifications != null) {
        for (PGNotification notification : notifications) {
          signals.signal(notification.getParameter());
        }
      }
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
          "Journal listener lost its connection; waiters re-read every few seconds until it is back",
          e);
    } else {
      LOG.debug("Journal listener still cannot listen (attempt {})", failures, e);
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

  @Override
  public void close() {
    closed = true;
    signals.signalAll();
  }
}
