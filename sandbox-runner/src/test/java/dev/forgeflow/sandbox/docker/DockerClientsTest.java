package dev.forgeflow.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerClientsTest {

  @Test
  void withoutDockerHostTheDefaultSocketIsUsed() {
    assertThat(DockerClients.host(Map.of())).isEqualTo("unix:///var/run/docker.sock");
    assertThat(DockerClients.host(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2375")))
        .isEqualTo("tcp://10.0.0.5:2375");
  }

  @Test
  void noDaemonOnATcpPortSaysWhatStopsAndHowToPointAtADaemon() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String host = "tcp://127.0.0.1:" + port;

    DockerUnavailable failure =
        catchThrowableOfType(
            () -> DockerClients.connect(Map.of("DOCKER_HOST", host)), DockerUnavailable.class);

    assertThat(failure.getMessage())
        .contains(host)
        .contains("stops before the sandbox steps")
        .contains("DOCKER_HOST=");
    assertThat(failure.getStackTrace()).isEmpty();
  }

  @Test
  void noDaemonOnAUnixSocketIsReportedTheSameWay() {
    String host = "unix:///tmp/forgeflow-no-such-docker.sock";

    DockerUnavailable failure =
        catchThrowableOfType(
            () -> DockerClients.connect(Map.of("DOCKER_HOST", host)), DockerUnavailable.class);

    assertThat(failure.getMessage()).startsWith("No Docker daemon answers at " + host);
  }
}
