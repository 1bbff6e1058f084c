package dev.forgeflow.store;

import javax.sql.DataSource;

/**
 * Listens for the notifications that appends send, and wakes the waiters of the run each one names.
 * Started by the first waiter; when notifications may have been missed (a lost connection), every
 * waiter is woken to re-read.
 */
final class JournalListener implements AutoCloseable {

  static final String CHANNEL = "forgeflow_run_events";

  private final RunSignals signals = new RunSignals();
  private final ChannelListener listener;

  JournalListener(DataSource dataSource) {
    this.listener =
        new ChannelListener(dataSource, CHANNEL, "journal", signals::signal, signals::signalAll);
  }

  /** The signals this listener raises; starts listening on first use. */
  RunSignals signals() {
    listener.start();
    return signals;
  }

  @Override
  public void close() {
    listener.close();
    signals.signalAll();
  }
}
