package dev.forgeflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  /** 1.0, 2.0, … 200.0, shuffled. */
  private static List<Double> twoHundred() {
    List<Double> values =
        new ArrayList<>(IntStream.rangeClosed(1, 200).mapToObj(i -> (double) i).toList());
    Collections.shuffle(values, new java.util.Random(7));
    return values;
  }

  @Test
  void ofTwoHundredValuesP50IsTheHundredthAndP99TheHundredAndNinetyEighth() {
    assertThat(Percentiles.of(twoHundred(), 50)).isEqualTo(100.0);
    assertThat(Percentiles.of(twoHundred(), 99)).isEqualTo(198.0);
    assertThat(Percentiles.of(twoHundred(), 100)).isEqualTo(200.0);
  }

  @Test
  void nearestRankRoundsUpAndNeverInterpolates() {
    List<Double> five = List.of(50.0, 10.0, 40.0, 20.0, 30.0);

    assertThat(Percentiles.of(five, 50)).isEqualTo(30.0);
    assertThat(Percentiles.of(five, 99)).isEqualTo(50.0);
    assertThat(Percentiles.of(five, 20)).isEqualTo(10.0);
    assertThat(Percentiles.of(five, 21)).isEqualTo(20.0);
    assertThat(Percentiles.of(List.of(3.5), 99)).isEqualTo(3.5);
  }

  @Test
  void noValuesOrAPercentOutsideZeroToHundredIsRefused() {
    assertThatThrownBy(() -> Percentiles.of(List.of(), 50))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no values");
    assertThatThrownBy(() -> Percentiles.of(List.of(1.0), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.of(List.of(1.0), 100.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
