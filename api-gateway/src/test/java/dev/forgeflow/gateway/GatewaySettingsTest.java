package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class GatewaySettingsTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(SettingsOnly.class)
          .withPropertyValues(
              "forgeflow.gateway.database.url=jdbc:postgresql://127.0.0.1:5432/forgeflow",
              "forgeflow.gateway.database.user=forgeflow",
              "forgeflow.gateway.database.password=secret");

  @Test
  void theHeartbeatIsFifteenSecondsUnlessSet() {
    context.run(
        ready ->
            assertThat(ready.getBean(GatewaySettings.class).heartbeat())
                .isEqualTo(Duration.ofSeconds(15)));
    context
        .withPropertyValues("forgeflow.gateway.heartbeat=250ms")
        .run(
            ready ->
                assertThat(ready.getBean(GatewaySettings.class).heartbeat())
                    .isEqualTo(Duration.ofMillis(250)));
  }

  @Test
  void theFeedBufferIsAThousandEventsUnlessSetAndAtLeastOne() {
    context.run(
        ready -> assertThat(ready.getBean(GatewaySettings.class).feedBuffer()).isEqualTo(1000));
    context
        .withPropertyValues("forgeflow.gateway.feed-buffer=0")
        .run(
            failed ->
                assertThat(failed.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("forgeflow.gateway.feed-buffer"));
  }

  @Test
  void aHeartbeatThatIsNotPositiveStopsTheStartNamingTheSetting() {
    context
        .withPropertyValues("forgeflow.gateway.heartbeat=0s")
        .run(
            failed ->
                assertThat(failed.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("forgeflow.gateway.heartbeat"));
  }

  @Test
  void sessionsLastFourteenDaysAndTenFailedSignInsAMinuteAreAllowedUnlessSet() {
    context.run(
        ready -> {
          GatewaySettings settings = ready.getBean(GatewaySettings.class);
          assertThat(settings.sessionLifetime()).isEqualTo(Duration.ofDays(14));
          assertThat(settings.signInAttempts()).isEqualTo(10);
          assertThat(settings.signInWindow()).isEqualTo(Duration.ofMinutes(1));
        });
    context
        .withPropertyValues("forgeflow.gateway.session-lifetime=8h")
        .run(
            ready ->
                assertThat(ready.getBean(GatewaySettings.class).sessionLifetime())
                    .isEqualTo(Duration.ofHours(8)));
  }

  @Test
  void aSessionLifetimeOrSignInLimitOutOfRangeStopsTheStartNamingTheSetting() {
    for (String wrong :
        new String[] {
          "forgeflow.gateway.session-lifetime=0s",
          "forgeflow.gateway.session-lifetime=400d",
          "forgeflow.gateway.sign-in-attempts=0",
          "forgeflow.gateway.sign-in-window=0s"
        }) {
      String setting = wrong.substring(0, wrong.indexOf('='));
      context
          .withPropertyValues(wrong)
          .run(
              failed ->
                  assertThat(failed.getStartupFailure())
                      .as(wrong)
                      .rootCause()
                      .hasMessageContaining(setting));
    }
  }

  @Test
  void aMissingDatabaseUrlStopsTheStartNamingTheSetting() {
    context
        .withPropertyValues("forgeflow.gateway.database.url=")
        .run(
            failed ->
                assertThat(failed.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("forgeflow.gateway.database.url"));
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(GatewaySettings.class)
  static class SettingsOnly {}
}
