package dev.forgeflow.sandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void statusSaysRunningOomKilledOrTheExitCode() throws Exception {
    assertThat(Deployments.status(state("{\"Running\":true,\"OOMKilled\":false}")))
        .isEqualTo("running");
    assertThat(Deployments.status(state("{\"Running\":false,\"OOMKilled\":true,\"ExitCode\":137}")))
        .isEqualTo("oom-killed");
    assertThat(Deployments.status(state("{\"Running\":false,\"OOMKilled\":false,\"ExitCode\":3}")))
        .isEqualTo("exited 3");
  }

  @Test
  void expiryComesFromTheLabelAndAnUnreadableOneHasExpired() {
    assertThat(Deployments.expires(Map.of(ServiceContainer.EXPIRES_LABEL, "1800000000")))
        .isEqualTo(Instant.ofEpochSecond(1_800_000_000L));
    assertThat(Deployments.expires(Map.of(ServiceContainer.EXPIRES_LABEL, "soon")))
        .isEqualTo(Instant.EPOCH);
    assertThat(Deployments.expires(Map.of())).isEqualTo(Instant.EPOCH);
  }

  private static InspectContainerResponse.ContainerState state(String json) throws Exception {
    return JSON.readValue("{\"State\":" + json + "}", InspectContainerResponse.class).getState();
  }
}
