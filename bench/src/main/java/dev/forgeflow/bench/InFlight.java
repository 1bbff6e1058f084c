package dev.forgeflow.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How many runs were in flight at once, from each run's interval: its {@code run.started} to its
 * terminal event, as the journal timestamped them. A run that ends at the very moment another
 * starts does not overlap it.
 */
final class InFlight {
  /** One run's time in flight; {@code to} is not before {@code from}. */
  record Interval(Instant from, Instant to) {
    Interval {
      if (to.isBefore(from)) {
        throw new IllegalArgumentException(
            "an interval ends before it starts: " + from + " → " + to);
      }
    }
  }

  private record Edge(Instant at, int change) {}

  private InFlight() {}

  /** The most intervals that overlap at any one moment; 0 for none. */
  static int max(List<Interval> intervals) {
    List<Edge> edges = new ArrayList<>();
    for (Interval interval : intervals) {
      edges.add(new Edge(interval.from(), +1));
      edges.add(new Edge(interval.to(), -1));
    }
    // at the same instant, ends before starts: touching intervals do not overlap
    edges.sort(Comparator.comparing(Edge::at).thenComparingInt(Edge::change));
    int now = 0;
    int max = 0;
    for (Edge edge : edges) {
      now += edge.change();
      max = Math.max(max, now);
    }
    return max;
  }

  /** The intervals that cover the whole of {@code from} → {@code to}. */
  static int throughout(List<Interval> intervals, Instant from, Instant to) {
    return (int)
        intervals.stream().filter(i -> !i.from().isAfter(from) && !i.to().isBefore(to)).count();
  }
}
