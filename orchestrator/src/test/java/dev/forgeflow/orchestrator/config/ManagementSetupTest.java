package dev.forgeflow.orchestrator.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

class ManagementSetupTest {

  @Test
  void aManagementPortMovesTheActuatorThereOnLoopbackWithPrometheusExposed() {
    MockEnvironment environment =
        new MockEnvironment().withProperty("forgeflow.management-port", "9464");

    initialize(environment);

    assertThat(environment.getProperty("management.server.port")).isEqualTo("9464");
    assertThat(environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");
    assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
        .isEqualTo("health,prometheus");
  }

  @Test
  void theAddressIsTheOneGiven() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("forgeflow.management-port", "9464")
            .withProperty("forgeflow.management-address", "0.0.0.0");

    initialize(environment);

    assertThat(environment.getProperty("management.server.address")).isEqualTo("0.0.0.0");
  }

  @Test
  void withoutAPortNothingMovesAndPrometheusIsNotExposed() {
    MockEnvironment blank = new MockEnvironment().withProperty("forgeflow.management-port", "");
    MockEnvironment unset = new MockEnvironment();

    initialize(blank);
    initialize(unset);

    for (MockEnvironment environment : new MockEnvironment[] {blank, unset}) {
      assertThat(environment.getProperty("management.server.port")).isNull();
      assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isNull();
    }
  }

  @Test
  void anExplicitManagementSettingStillWins() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("forgeflow.management-port", "9464")
            .withProperty("management.endpoints.web.exposure.include", "health");

    initialize(environment);

    assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
        .isEqualTo("health");
  }

  private static void initialize(MockEnvironment environment) {
    GenericApplicationContext context = new GenericApplicationContext();
    context.setEnvironment(environment);
    new ManagementSetup().initialize(context);
  }
}
