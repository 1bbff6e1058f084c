package dev.forgeflow.bench;

import io.temporal.api.history.v1.HistoryEvent;
import java.util.List;
import java.util.Map;

/**
 * One measured run: its trace and Temporal history, its two figures, and where its time went.
 *
 * @param segments {@link Overheads} of the run; empty when the run is not comparable
 * @param split {@link TimeSplit} of the run; empty when the run is not comparable
 */
record Measured(
    RunTrace trace,
    List<HistoryEvent> history,
    RunFigures figures,
    Map<String, Long> segments,
    Map<TimeSplit.Kind, Long> split) {

  static Measured of(RunTrace trace, List<HistoryEvent> history) {
    RunFigures figures = RunFigures.of(trace);
    if (!figures.comparable()) {
      return new Measured(trace, history, figures, Map.of(), Map.of());
    }
    return new Measured(
        trace, history, figures, Overheads.of(trace, figures), TimeSplit.of(trace, history));
  }
}
