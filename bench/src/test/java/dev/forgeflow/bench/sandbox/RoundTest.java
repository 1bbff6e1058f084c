package dev.forgeflow.bench.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RoundTest {

  @Test
  void ratiosAreOverTheBareRunThroughTheApi() {
    Round round = new Round(300, 250, 1500, 600);

    assertThat(round.deployRatio()).isCloseTo(5.0, within(1e-9));
    assertThat(round.buildRatio()).isCloseTo(2.0, within(1e-9));
  }
}
