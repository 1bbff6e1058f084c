package dev.forgeflow.bench.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxOptionsTest {

  @Test
  void defaultsToFiveRoundsAfterOneWarmUpOnTheSandboxImage() {
    SandboxOptions options = SandboxOptions.parse(new String[0], Map.of());

    assertThat(options)
        .isEqualTo(
            new SandboxOptions(
                5, 1, SandboxOptions.DEFAULT_PROMPT, "forgeflow/sandbox-python:latest"));
  }

  @Test
  void readsTheArgumentsAndTheBaseImageFromTheEnvironment() {
    SandboxOptions options =
        SandboxOptions.parse(
            new String[] {"--rounds=10", "--warmups=0", "--prompt=A shop with items (name)"},
            Map.of("FORGEFLOW_SANDBOX_BASE_IMAGE", " local/python:test "));

    assertThat(options)
        .isEqualTo(new SandboxOptions(10, 0, "A shop with items (name)", "local/python:test"));
  }

  @Test
  void aBlankBaseImageMeansTheDefault() {
    SandboxOptions options =
        SandboxOptions.parse(new String[0], Map.of("FORGEFLOW_SANDBOX_BASE_IMAGE", " "));

    assertThat(options.baseImage()).isEqualTo(SandboxOptions.DEFAULT_BASE_IMAGE);
  }

  @Test
  void refusesUnknownOptionsMalformedArgumentsAndZeroRounds() {
    assertThatThrownBy(() -> SandboxOptions.parse(new String[] {"--runs=3"}, Map.of()))
        .hasMessageContaining("unknown options [runs]");
    assertThatThrownBy(() -> SandboxOptions.parse(new String[] {"rounds=3"}, Map.of()))
        .hasMessageContaining("expected --name=value");
    assertThatThrownBy(() -> SandboxOptions.parse(new String[] {"--rounds=0"}, Map.of()))
        .hasMessageContaining("at least 1");
  }
}
