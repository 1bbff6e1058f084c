package dev.forgeflow.sandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.sandbox.SandboxInstance;
import org.junit.jupiter.api.Test;

class SandboxNetworkTest {

  private final SandboxInstance instance = SandboxInstance.of("data-dir-a");

  @Test
  void bridgeNamesFitLinuxAndDifferPerProjectAndInstance() {
    String bridge = SandboxNetwork.bridge(instance, "project-abc");

    assertThat(bridge).matches("ff[0-9a-f]{12}").hasSizeLessThanOrEqualTo(15);
    assertThat(SandboxNetwork.bridge(instance, "project-abc")).isEqualTo(bridge);
    assertThat(SandboxNetwork.bridge(instance, "project-abd")).isNotEqualTo(bridge);
    assertThat(SandboxNetwork.bridge(SandboxInstance.of("data-dir-b"), "project-abc"))
        .isNotEqualTo(bridge);
  }

  @Test
  void networkNamesNameInstanceAndProjectIdInCharactersDockerAccepts() {
    assertThat(SandboxNetwork.name(instance, "project-0123abcd"))
        .isEqualTo("forgeflow-" + instance.id() + "-project-0123abcd");
  }
}
