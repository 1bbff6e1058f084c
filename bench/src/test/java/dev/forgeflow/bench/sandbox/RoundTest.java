package dev.forgeflow.bench.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RoundTest {

  @Test
  void ratiosAreOverTheBareRunThroughTheApiAndOverTheImportOfTheApp() {
    Round round = new Round(300, 250, 1000, 1500, 600, 2500, 40, 0);

    assertThat(round.deployRatio()).isCloseTo(5.0, within(1e-9));
    assertThat(round.deployImportRatio()).isCloseTo(1.5, within(1e-9));
    assertThat(round.buildRatio()).isCloseTo(2.0, within(1e-9));
  }
}
