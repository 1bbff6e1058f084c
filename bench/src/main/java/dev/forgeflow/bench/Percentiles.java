package dev.forgeflow.bench;

import java.util.List;

/** Nearest-rank percentiles: the smallest value with at least p % of the values at or below it. */
public final class Percentiles {
  private Percentiles() {}

  /**
   * The {@code percent}-th percentile of {@code values} by nearest rank: of 200 values, p50 is the
   * 100th smallest and p99 the 198th.
   *
   * @throws IllegalArgumentException if there are no values or {@code percent} is not in (0, 100]
   */
  public static double of(List<Double> values, double percent) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values to take a percentile of");
    }
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("a percentile is in (0, 100], got " + percent);
    }
    List<Double> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(percent / 100 * sorted.size());
    return sorted.get(rank - 1);
  }
}
