package dev.forgeflow.orchestrator.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SandboxConfigurationTest {

  private final SandboxConfiguration configuration = new SandboxConfiguration();

  @Test
  void remoteSandboxGivesRunsTheStepsWithoutDockerHere() {
    SandboxChoice choice =
        configuration.sandboxChoice(
            new MockEnvironment().withProperty("FORGEFLOW_SANDBOX", "remote"));

    assertThat(choice.runsSteps()).isTrue();
    assertThat(choice.available()).isFalse();
    assertThat(choice.docker()).isNull();
    assertThat(choice.describe()).startsWith("remote — ").contains("FORGEFLOW_SANDBOX=remote");
  }

  @Test
  void sandboxTurnedOffGivesRunsNoSteps() {
    SandboxChoice choice =
        configuration.sandboxChoice(new MockEnvironment().withProperty("FORGEFLOW_SANDBOX", "off"));

    assertThat(choice.runsSteps()).isFalse();
    assertThat(choice.available()).isFalse();
    assertThat(choice.describe()).startsWith("off — ");
  }
}
