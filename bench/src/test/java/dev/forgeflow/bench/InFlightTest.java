package dev.forgeflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InFlightTest {

  private static InFlight.Interval ms(long from, long to) {
    return new InFlight.Interval(Traces.T0.plusMillis(from), Traces.T0.plusMillis(to));
  }

  private static Instant at(long ms) {
    return Traces.T0.plusMillis(ms);
  }

  @Test
  void maxIsTheMostIntervalsOverlappingAtOneMoment() {
    List<InFlight.Interval> runs =
        List.of(ms(0, 100), ms(10, 50), ms(20, 30), ms(60, 200), ms(150, 160));

    // 0–100, 10–50 and 20–30 overlap at 20–30; later at most two at once
    assertThat(InFlight.max(runs)).isEqualTo(3);
  }

  @Test
  void aRunEndingAsAnotherStartsDoesNotOverlapIt() {
    assertThat(InFlight.max(List.of(ms(0, 100), ms(100, 200), ms(200, 300)))).isEqualTo(1);
    assertThat(InFlight.max(List.of(ms(0, 100), ms(99, 200)))).isEqualTo(2);
  }

  @Test
  void allRunsStartedBeforeAnyEndedAreAllInFlight() {
    List<InFlight.Interval> runs =
        java.util.stream.IntStream.range(0, 200).mapToObj(i -> ms(i, 1_000 + i)).toList();

    assertThat(InFlight.max(runs)).isEqualTo(200);
    assertThat(InFlight.max(List.of())).isZero();
  }

  @Test
  void throughoutCountsOnlyRunsCoveringTheWholeSpan() {
    List<InFlight.Interval> runs = List.of(ms(0, 100), ms(40, 100), ms(60, 200), ms(0, 55));

    // 50–55: the first, the second and the fourth cover it; the third starts later
    assertThat(InFlight.throughout(runs, at(50), at(55))).isEqualTo(3);
    // 50–56: the fourth ends inside it
    assertThat(InFlight.throughout(runs, at(50), at(56))).isEqualTo(2);
  }

  @Test
  void anIntervalEndingBeforeItStartsIsRefused() {
    assertThatThrownBy(() -> ms(100, 50)).isInstanceOf(IllegalArgumentException.class);
  }
}
