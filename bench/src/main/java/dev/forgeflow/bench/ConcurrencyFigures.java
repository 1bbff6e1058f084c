package dev.forgeflow.bench;

import dev.forgeflow.workflows.journal.Fact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one batch of runs launched at once shows: how many were in flight together, and how far each
 * comparable run's wall time stretched beyond its own critical path of model calls.
 *
 * @param launched runs launched
 * @param outcomes runs by outcome ({@code APPROVED}, …, or the terminal event's type)
 * @param comparable runs approved in one round with six files, the ones the ratios cover
 * @param maxInFlight the most runs between their {@code run.started} and their terminal event at
 *     one moment, by the journal's timestamps
 * @param maxRunning the most runs with status RUNNING in one sample of the run states
 * @param overhead run wall / critical path over the comparable runs, by nearest rank
 * @param criticalPathMs the comparable runs' critical paths (ms)
 * @param runWallMs the comparable runs' wall times (ms)
 * @param queuedMs every run's wait from its launch to its {@code run.started} (ms), which the run
 *     wall does not cover
 * @param totalWallMs first launch → the last terminal event
 * @param intervals each run's time in flight, for placing a heap sample
 */
record ConcurrencyFigures(
    int launched,
    Map<String, Integer> outcomes,
    int comparable,
    int maxInFlight,
    int maxRunning,
    Spread overhead,
    Spread criticalPathMs,
    Spread runWallMs,
    Spread queuedMs,
    long totalWallMs,
    List<InFlight.Interval> intervals) {

  /** p50, p99 and the largest value (nearest rank); NaN for no values. */
  record Spread(double p50, double p99, double max) {
    static Spread of(List<Double> values) {
      if (values.isEmpty()) {
        return new Spread(Double.NaN, Double.NaN, Double.NaN);
      }
      return new Spread(
          Percentiles.of(values, 50), Percentiles.of(values, 99), Percentiles.of(values, 100));
    }
  }

  static ConcurrencyFigures of(Batch.Result batch) {
    Map<String, Integer> outcomes = new TreeMap<>();
    List<InFlight.Interval> intervals = new ArrayList<>();
    List<RunFigures> comparable = new ArrayList<>();
    List<Double> queued = new ArrayList<>();
    Instant lastEnd = batch.launchedAt();
    for (RunTrace trace : batch.traces()) {
      Instant end = trace.last().createdAt().toInstant();
      lastEnd = end.isAfter(lastEnd) ? end : lastEnd;
      Optional<Instant> started =
          trace.find(Fact.RunStarted.TYPE, null, null).map(e -> e.createdAt().toInstant());
      if (started.isEmpty()) {
        outcomes.merge("ended before run.started", 1, Integer::sum);
        continue;
      }
      intervals.add(new InFlight.Interval(started.get(), end));
      queued.add((double) RunTrace.millis(trace.launchedAt(), started.get()));
      RunFigures figures = RunFigures.of(trace);
      outcomes.merge(figures.outcome(), 1, Integer::sum);
      if (figures.comparable()) {
        comparable.add(figures);
      }
    }
    return new ConcurrencyFigures(
        batch.traces().size(),
        outcomes,
        comparable.size(),
        InFlight.max(intervals),
        batch.maxRunning(),
        Spread.of(comparable.stream().map(RunFigures::runRatio).toList()),
        Spread.of(comparable.stream().map(f -> (double) f.criticalPathMs()).toList()),
        Spread.of(comparable.stream().map(f -> (double) f.runWallMs()).toList()),
        Spread.of(queued),
        RunTrace.millis(batch.launchedAt(), lastEnd),
        List.copyOf(intervals));
  }

  /** The worker heap per run in flight, from a sample taken during this batch. */
  HeapPerRun heapPerRun(HeapSample idle, HeapSample loaded) {
    return new HeapPerRun(
        idle.usedBytes(),
        loaded.usedBytes(),
        InFlight.throughout(intervals, loaded.from(), loaded.to()));
  }
}
