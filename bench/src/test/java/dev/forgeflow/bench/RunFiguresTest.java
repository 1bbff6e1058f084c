package dev.forgeflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RunFiguresTest {

  /** Requirements, Architecture, six parallel files, Reviewer; 300 ms outside the model. */
  static Traces sixFileRun() {
    Traces run = new Traces().event(0, "run.started", "{}");
    run.stage(10, 530, "REQUIREMENTS").call("requirements", 520, 500);
    run.stage(550, 1070, "ARCHITECTURE").call("architecture", 1060, 500);
    run.stage(1100, 1700, "IMPLEMENTATION");
    for (int i = 0; i < 6; i++) {
      run.call("implementer", 1610 + i * 10, 500 + i * 10);
    }
    run.stage(1750, 2300, "REVIEW").call("reviewer", 2270, 500);
    return run.event(
        2350,
        "run.completed",
        "{\"outcome\":\"APPROVED\",\"files\":6,\"rounds\":1,\"elapsedMs\":2340}");
  }

  @Test
  void implementerRatioIsStageWallOverTheSumOfItsCallLatencies() {
    RunFigures figures = RunFigures.of(sixFileRun().trace());

    assertThat(figures.implWallMs()).isEqualTo(600);
    assertThat(figures.implLatencySumMs()).isEqualTo(6 * 500 + 150);
    assertThat(figures.implementerRatio()).isCloseTo(600 / 3150.0, within(1e-9));
  }

  @Test
  void criticalPathTakesOnlyTheLongestOfTheParallelFiles() {
    RunFigures figures = RunFigures.of(sixFileRun().trace());

    assertThat(figures.criticalPathMs()).isEqualTo(500 + 500 + 550 + 500);
    assertThat(figures.runWallMs()).isEqualTo(2350);
    assertThat(figures.runElapsedMs()).isEqualTo(2340);
    assertThat(figures.runRatio()).isCloseTo(2350 / 2050.0, within(1e-9));
  }

  @Test
  void onlyAnApprovedOneRoundSixFileRunIsComparable() {
    Traces twoRounds = sixFileRun();
    twoRounds.event(2400, "run.completed", "{\"outcome\":\"APPROVED\",\"files\":6,\"rounds\":2}");

    assertThat(RunFigures.of(sixFileRun().trace()).comparable()).isTrue();
    assertThat(RunFigures.of(twoRounds.trace()).comparable()).isFalse();
  }
}
