package dev.forgeflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConcurrencyFiguresTest {

  /**
   * A six-file run approved in one round, launched at {@link Traces#T0}, started {@code startMs}
   * later; its critical path is 2050 ms and its wall 2350 + {@code lateMs}.
   */
  private static RunTrace sixFileRun(String id, long startMs, long lateMs) {
    Traces run = new Traces(id).event(startMs, "run.started", "{}");
    run.stage(startMs + 10, startMs + 530, "REQUIREMENTS").call("requirements", startMs + 520, 500);
    run.stage(startMs + 550, startMs + 1070, "ARCHITECTURE")
        .call("architecture", startMs + 1060, 500);
    run.stage(startMs + 1100, startMs + 1700, "IMPLEMENTATION");
    for (int i = 0; i < 6; i++) {
      run.call("implementer", startMs + 1610 + i * 10, 500 + i * 10);
    }
    run.stage(startMs + 1750, startMs + 2300, "REVIEW").call("reviewer", startMs + 2270, 500);
    return run.event(
            startMs + 2350 + lateMs,
            "run.completed",
            "{\"outcome\":\"APPROVED\",\"files\":6,\"rounds\":1}")
        .trace();
  }

  private static RunTrace failedRun(String id, long startMs, long endMs) {
    return new Traces(id)
        .event(startMs, "run.started", "{}")
        .event(endMs, "run.failed", "{\"error\":\"boom\"}")
        .trace();
  }

  private static Batch.Result batch() {
    return new Batch.Result(
        Traces.T0,
        List.of(sixFileRun("a", 20, 0), sixFileRun("b", 40, 400), failedRun("c", 50, 300)),
        3,
        Optional.empty());
  }

  @Test
  void countsEveryRunInFlightButRatesOnlyTheComparableOnes() {
    ConcurrencyFigures figures = ConcurrencyFigures.of(batch());

    assertThat(figures.launched()).isEqualTo(3);
    assertThat(figures.outcomes()).isEqualTo(Map.of("APPROVED", 2, "run.failed", 1));
    assertThat(figures.comparable()).isEqualTo(2);
    assertThat(figures.maxInFlight()).isEqualTo(3);
    assertThat(figures.maxRunning()).isEqualTo(3);
  }

  @Test
  void overheadIsEachRunsWallOverItsOwnCriticalPathByNearestRank() {
    ConcurrencyFigures figures = ConcurrencyFigures.of(batch());

    assertThat(figures.overhead().p50()).isCloseTo(2350 / 2050.0, within(1e-9));
    assertThat(figures.overhead().p99()).isCloseTo(2750 / 2050.0, within(1e-9));
    assertThat(figures.criticalPathMs().p50()).isEqualTo(2050.0);
    assertThat(figures.runWallMs().max()).isEqualTo(2750.0);
  }

  @Test
  void queueTimeAndTotalWallStartAtTheLaunch() {
    ConcurrencyFigures figures = ConcurrencyFigures.of(batch());

    assertThat(figures.queuedMs().p50()).isEqualTo(40.0);
    assertThat(figures.queuedMs().p99()).isEqualTo(50.0);
    assertThat(figures.totalWallMs()).isEqualTo(40 + 2350 + 400);
  }

  @Test
  void heapPerRunDividesByTheRunsInFlightThroughoutTheSample() {
    ConcurrencyFigures figures = ConcurrencyFigures.of(batch());
    long mb = 1024 * 1024;
    HeapSample idle = new HeapSample(Traces.T0, Traces.T0, 10 * mb);

    HeapPerRun allThree =
        figures.heapPerRun(
            idle, new HeapSample(Traces.T0.plusMillis(100), Traces.T0.plusMillis(250), 13 * mb));
    HeapPerRun failedOneEnded =
        figures.heapPerRun(
            idle, new HeapSample(Traces.T0.plusMillis(280), Traces.T0.plusMillis(320), 12 * mb));

    assertThat(allThree.runsInFlight()).isEqualTo(3);
    assertThat(allThree.bytesPerRun()).isEqualTo(mb);
    assertThat(failedOneEnded.runsInFlight()).isEqualTo(2);
    assertThat(failedOneEnded.bytesPerRun()).isEqualTo(mb);
  }
}
