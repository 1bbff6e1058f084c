package dev.forgeflow.bench;

import java.util.List;

/** Median, minimum and maximum of a non-empty list of values. */
public record Stats(double median, double min, double max) {
  public static Stats of(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Stats(median, sorted.get(0), sorted.get(n - 1));
  }
}
