package dev.forgeflow.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pooled connection listening on a PostgreSQL channel, on a thread of its own, passing on the
 * payload of each notification. A lost connection is replaced. {@code onGap} runs whenever
 * notifications may have been missed (listening has just begun, or the connection was lost), so
 * that those who wait re-read. Both callbacks run on the listening thread and must not block.
 */
public final class ChannelListener implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelListener.class);
  private static final int POLL_MILLIS = 250;
  private static final long RETRY_MILLIS = 1_000;
  private static final long CLOSE_MILLIS = 5_000;

  private final DataSource dataSource;
  private final String channel;
  private final String name;
  private final Consumer<String> onNotification;
  private final Runnable onGap;
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile Thread thread;
  private volatile boolean closed;
  private int failures;

  /**
   * @param channel a plain identifier: it is written into {@code LISTEN} as it is
   * @param name what listens, in a few words, for the thread's name and the log
   */
  public ChannelListener(
      DataSource dataSource,
      String channel,
      String name,
      Consumer<String> onNotification,
      Runnable onGap) {
    if (!channel.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain channel name: " + channel);
    }
    this.dataSource = dataSource;
    this.channel = channel;
    this.name = name;
    this.onNotification = onNotification;
    this.onGap = onGap;
  }

  /** Starts listening; later calls do nothing. */
  public void start() {
    if (started.compareAndSet(false, true)) {
      Thread listener =
          new Thread(this::listenUntilClosed, "forgeflow-" + name.replace(' ', '-') + "-listener");
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
        onGap.run();
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
      statement.execute("LISTEN " + channel);
    }
    PGConnection postgres = connection.unwrap(PGConnection.class);
    failures = 0;
    // What was sent before LISTEN took effect sent no notification we can see: re-read.
    onGap.run();
    while (!closed) {
      PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
      if (notifications != null) {
        for (PGNotification notification : notifications) {
          onNotification.accept(notification.getParameter());
        }
      }
    }
    // The connection goes back to the pool: it must not go on collecting notifications there.
    try (Statement statement = connection.createStatement()) {
      statement.execute("UNLISTEN " + channel);
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
      LOG.warn("The {} lost its listening connection; readers re-read until it is back", name, e);
    } else {
      LOG.debug("The {} still cannot listen (attempt {})", name, failures, e);
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
