package dev.forgeflow.bench.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoundTest {

  @Test
  void ratiosAreOverTheBareRunThroughTheApi() {
    Round round = new Round(300, 250, 1500, 600);

    assertThat(round.deployRatio()).isCloseTo(5.0, within(1e-9));
    assertThat(round.buildRatio()).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void spreadOfAnOddCountTakesTheMiddleValue() {
    assertThat(Spread.of(List.of(5.0, 1.0, 3.0))).isEqualTo(new Spread(3.0, 1.0, 5.0));
  }

  @Test
  void spreadOfAnEvenCountAveragesTheTwoMiddleValues() {
    assertThat(Spread.of(List.of(4.0, 1.0, 2.0, 10.0))).isEqualTo(new Spread(3.0, 1.0, 10.0));
  }
}
