package dev.forgeflow.sandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SandboxNetworkTest {

  @Test
  void bridgeNamesFitLinuxAndDifferPerProject() {
    String bridge = SandboxNetwork.bridge("bookstore");

    assertThat(bridge).matches("ff[0-9a-f]{12}").hasSizeLessThanOrEqualTo(15);
    assertThat(SandboxNetwork.bridge("bookstore")).isEqualTo(bridge);
    assertThat(SandboxNetwork.bridge("bookstore2")).isNotEqualTo(bridge);
  }

  @Test
  void networkNamesKeepOnlyCharactersDockerAccepts() {
    assertThat(SandboxNetwork.name("Book Store/API")).isEqualTo("forgeflow-book-store-api");
  }
}
