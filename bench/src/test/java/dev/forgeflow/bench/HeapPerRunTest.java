package dev.forgeflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HeapPerRunTest {
  private static final long MB = 1024 * 1024;

  @Test
  void perRunIsTheGrowthOverIdleDividedByTheRunsInFlight() {
    HeapPerRun heap = new HeapPerRun(50 * MB, 90 * MB, 200);

    assertThat(heap.bytesPerRun()).isCloseTo(40.0 * MB / 200, within(1e-6));
  }

  @Test
  void aLoadedHeapBelowIdleGivesANegativeFigureRatherThanHidingIt() {
    assertThat(new HeapPerRun(50 * MB, 48 * MB, 4).bytesPerRun()).isEqualTo(-0.5 * MB);
  }

  @Test
  void noRunInFlightOrANegativeHeapIsRefused() {
    assertThatThrownBy(() -> new HeapPerRun(1, 2, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no run was in flight");
    assertThatThrownBy(() -> new HeapPerRun(-1, 2, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
