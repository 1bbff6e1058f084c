package dev.forgeflow.bench.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AttackRoundTest {

  private static final String SUMMARY =
      "compiled 10 files; app.main imported; pytest 3/3 passed; service, probe and attack ok;"
          + " functional checks 4200 ms; probe 300 ms; attack 690 ms, 120 requests to 5 endpoints,"
          + " 0 finding(s)";

  @Test
  void timesAndRequestsAreReadFromTheReportSummary() {
    AttackRound round = AttackRound.of(SUMMARY, 0);

    assertThat(round.functional()).isEqualTo(4200);
    assertThat(round.probe()).isEqualTo(300);
    assertThat(round.attack()).isEqualTo(690);
    assertThat(round.attackPerProbe()).isCloseTo(2.3, within(1e-9));
    assertThat(round.attackPerFunctional()).isCloseTo(690.0 / 4200, within(1e-9));
    assertThat(round.requestsPerEndpoint()).isCloseTo(24.0, within(1e-9));
  }

  @Test
  void aRoundThatNeverReachedTheAttackIsRefused() {
    assertThatThrownBy(() -> AttackRound.of("compile failed", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("compile failed");
  }
}
