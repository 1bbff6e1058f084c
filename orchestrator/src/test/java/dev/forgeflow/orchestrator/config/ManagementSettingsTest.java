package dev.forgeflow.orchestrator.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The management settings are checked at start-up, and a wrong one is named. */
class ManagementSettingsTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ForgeflowProperties.class)
  static class Settings {}

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(Settings.class);

  @Test
  void byDefaultThereIsNoManagementPortAndTheAddressIsLoopback() {
    context.run(
        started -> {
          ForgeflowProperties properties = started.getBean(ForgeflowProperties.class);
          assertThat(properties.managementPort()).isNull();
          assertThat(properties.managementAddress()).isEqualTo("127.0.0.1");
        });
  }

  @Test
  void aPortOutOfRangeStopsTheStartNamingTheSetting() {
    context
        .withPropertyValues("forgeflow.management-port=70000")
        .run(
            started ->
                assertThat(started.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("forgeflow.management-port")
                    .hasMessageContaining("65535"));
  }

  @Test
  void anAddressThatIsNotAnIpAddressStopsTheStartNamingTheSetting() {
    context
        .withPropertyValues("forgeflow.management-address=localhost")
        .run(
            started ->
                assertThat(started.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("forgeflow.management-address")
                    .hasMessageContaining("IP address"));
  }

  @Test
  void anIpv6AddressIsAccepted() {
    context
        .withPropertyValues("forgeflow.management-port=9464", "forgeflow.management-address=::")
        .run(
            started ->
                assertThat(started.getBean(ForgeflowProperties.class).managementAddress())
                    .isEqualTo("::"));
  }
}
