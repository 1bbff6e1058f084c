package dev.forgeflow.orchestrator.metrics;

import dev.forgeflow.store.Stores;
import io.micrometer.core.instrument.MeterRegistry;

/** Where the run meters hook in: every writer of a run's journal appends through the stores. */
public final class JournalMetrics {
  private JournalMetrics() {}

  /**
   * The same stores, with a journal whose appends are timed and whose facts (runs started and
   * finished, stage durations, model usage) are counted into {@code registry}.
   */
  public static Stores instrument(Stores stores, MeterRegistry registry) {
    return stores.withJournal(new MeteredRunJournal(stores.journal(), registry));
  }
}
