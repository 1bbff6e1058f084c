package dev.forgeflow.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final SignInThrottle throttle = new SignInThrottle(3, WINDOW);

  @Test
  void aLoginGetsItsAttemptsThenWaitsAtMostTheWindowWhateverItsCase() {
    assertThat(throttle.attempt("ada", "10.0.0.1")).isEmpty();
    assertThat(throttle.attempt("ADA", "10.0.0.2")).isEmpty();
    assertThat(throttle.attempt(" Ada ", "10.0.0.3")).isEmpty();

    assertThat(throttle.attempt("ada", "10.0.0.4"))
        .hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(WINDOW));
    assertThat(throttle.attempt("bob", "10.0.0.4")).isEmpty();
  }

  @Test
  void anAddressGetsItsAttemptsWhateverTheLogins() {
    assertThat(throttle.attempt("a", "10.0.0.1")).isEmpty();
    assertThat(throttle.attempt("b", "10.0.0.1")).isEmpty();
    assertThat(throttle.attempt("c", "10.0.0.1")).isEmpty();

    assertThat(throttle.attempt("d", "10.0.0.1")).isPresent();
    assertThat(throttle.attempt("d", "10.0.0.2")).isEmpty();
  }

  @Test
  void aRefusalTakesNothingFromTheOtherAllowance() {
    for (String address : new String[] {"10.0.0.1", "10.0.0.2", "10.0.0.3"}) {
      throttle.attempt("ada", address);
    }

    assertThat(throttle.attempt("ada", "10.0.0.9")).isPresent();
    assertThat(throttle.attempt("x", "10.0.0.9")).isEmpty();
    assertThat(throttle.attempt("y", "10.0.0.9")).isEmpty();
    assertThat(throttle.attempt("z", "10.0.0.9")).isEmpty();
  }

  @Test
  void successesAreGivenBackSoOnlyFailuresCount() {
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.attempt("ada", "10.0.0.1")).isEmpty();
      throttle.succeeded("ada", "10.0.0.1");
    }
  }
}
