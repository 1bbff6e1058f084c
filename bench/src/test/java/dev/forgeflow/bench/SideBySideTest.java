package dev.forgeflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SideBySideTest {

  @Test
  void aCellIsTheMedianAndRangeOfTheRatioOverTheRuns() {
    RunFigures run = RunFigures.of(RunFiguresTest.sixFileRun().trace());

    assertThat(SideBySide.cell(List.of(run, run), RunFigures::runRatio))
        .isEqualTo("1.146 (1.146–1.146)");
  }

  @Test
  void aTemporalWithNoComparableRunShowsADash() {
    assertThat(SideBySide.cell(List.of(), RunFigures::runRatio)).isEqualTo("—");
  }
}
