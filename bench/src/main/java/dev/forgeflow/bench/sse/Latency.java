package dev.forgeflow.bench.sse;

import dev.forgeflow.bench.Percentiles;
import java.util.List;

/** Nearest-rank p50, p95 and p99 and the maximum of latencies in ms, and how many there were. */
record Latency(int count, double p50, double p95, double p99, double max) {

  /**
   * The figures of {@code millis}.
   *
   * @throws IllegalArgumentException if there are none
   */
  static Latency of(List<Double> millis) {
    List<Double> sorted = millis.stream().sorted().toList();
    return new Latency(
        sorted.size(),
        Percentiles.of(sorted, 50),
        Percentiles.of(sorted, 95),
        Percentiles.of(sorted, 99),
        sorted.get(sorted.size() - 1));
  }
}
