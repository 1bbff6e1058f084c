package dev.forgeflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SandboxMetersTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final SandboxMeters meters = new SandboxMeters(registry);

  @Test
  void aStepIsTimedWithTheOutcomeItsResultNames() {
    String result =
        meters.time(
            SandboxMeters.CHECK,
            () -> {
              pause(20);
              return "report";
            },
            report -> "passed");

    assertThat(result).isEqualTo("report");
    var timer = registry.get(SandboxMeters.CHECK).tag("outcome", "passed").timer();
    assertThat(timer.count()).isEqualTo(1);
    assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(20);
  }

  @Test
  void aStepThatThrowsIsTimedAsAnError() {
    assertThatThrownBy(
            () ->
                meters.time(
                    SandboxMeters.DEPLOY,
                    () -> {
                      throw new IllegalStateException("unhealthy");
                    },
                    deployed -> "success"))
        .hasMessage("unhealthy");

    assertThat(registry.get(SandboxMeters.DEPLOY).tag("outcome", "error").timer().count())
        .isEqualTo(1);
    assertThat(registry.find(SandboxMeters.DEPLOY).tag("outcome", "success").timer()).isNull();
  }

  @Test
  void noMetersRecordNothingAndStillRunTheStep() {
    assertThat(SandboxMeters.none().time(SandboxMeters.BUILD, () -> 7, built -> "success"))
        .isEqualTo(7);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
