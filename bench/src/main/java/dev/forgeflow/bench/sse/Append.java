package dev.forgeflow.bench.sse;

import java.util.List;

/**
 * One event the benchmark appended to a run's journal: its seq, and this JVM's {@code nanoTime}
 * just before {@code append} was called and just after it returned (the commit included).
 */
record Append(long seq, long startNanos, long endNanos) {

  double millis() {
    return (endNanos - startNanos) / 1e6;
  }

  /** Appends per second over one run's appends, first start to last start; NaN for fewer than 2. */
  static double perSecond(List<Append> appends) {
    if (appends.size() < 2) {
      return Double.NaN;
    }
    long nanos = appends.get(appends.size() - 1).startNanos() - appends.get(0).startNanos();
    return (appends.size() - 1) / (nanos / 1e9);
  }
}
