package dev.forgeflow.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class DockerClientsIT {

  @Test
  void theNegotiatedClientSpeaksToThisDaemonWhereTheClientsNewestVersionMayBeRefused()
      throws IOException {
    String host = DockerClients.host(System.getenv());
    RemoteApiVersion daemon;
    try (DockerHttpClient http = http(host)) {
      daemon = ApiVersionNegotiation.negotiate(http, host);
    }
    DockerClient negotiated = DockerClients.connect(System.getenv());

    assertThat(negotiated.versionCmd().exec().getApiVersion()).isEqualTo(daemon.getVersion());
    assertThat(negotiated.listContainersCmd().withShowAll(true).exec()).isNotNull();

    Throwable newest =
        catchThrowable(() -> pinnedTo(host, ApiVersionNegotiation.CLIENT_MAX).infoCmd().exec());
    if (ApiVersionNegotiation.CLIENT_MAX.isGreater(daemon)) {
      assertThat(newest).hasMessageContaining("too new");
    } else {
      assertThat(newest).isNull();
    }
  }

  private static DockerClient pinnedTo(String host, RemoteApiVersion version) {
    DockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(host)
            .withApiVersion(version)
            .build();
    return DockerClientImpl.getInstance(config, http(host));
  }

  private static DockerHttpClient http(String host) {
    return new ApacheDockerHttpClient.Builder().dockerHost(java.net.URI.create(host)).build();
  }
}
