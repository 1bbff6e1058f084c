package dev.forgeflow.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.core.RemoteApiVersion;
import org.junit.jupiter.api.Test;

class ApiVersionNegotiationTest {

  @Test
  void anOlderDaemonsVersionIsSpokenAsIs() {
    assertThat(ApiVersionNegotiation.choose("1.41")).isEqualTo(RemoteApiVersion.VERSION_1_41);
  }

  @Test
  void aNewerDaemonIsSpokenToAtTheClientsNewestVersion() {
    assertThat(ApiVersionNegotiation.choose("1.47")).isEqualTo(ApiVersionNegotiation.CLIENT_MAX);
    assertThat(ApiVersionNegotiation.choose("2.0")).isEqualTo(ApiVersionNegotiation.CLIENT_MAX);
  }

  @Test
  void aVersionThatIsNotOneIsRefused() {
    assertThatThrownBy(() -> ApiVersionNegotiation.choose("latest"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("latest");
  }
}
