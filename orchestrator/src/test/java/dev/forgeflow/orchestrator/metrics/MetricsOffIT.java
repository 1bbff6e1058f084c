package dev.forgeflow.orchestrator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.orchestrator.OrchestratorApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Without {@code FORGEFLOW_MANAGEMENT_PORT} there is no management server: the public port, where
 * the actuator then lives, serves health and nothing else of it, though the Prometheus registry is
 * there and exporting.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
    classes = OrchestratorApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.main.web-application-type=reactive",
      "server.address=127.0.0.1",
      "forgeflow.temporal-local=in-process"
    })
@AutoConfigureObservability(tracing = false)
class MetricsOffIT {
  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("forgeflow.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;

  @Test
  void thePublicPortServesHealthButNoMetricsWhenNoManagementPortIsSet() throws Exception {
    assertThat(status("/actuator/prometheus")).isEqualTo(404);
    assertThat(status("/actuator/metrics")).isEqualTo(404);
    assertThat(status("/actuator/env")).isEqualTo(404);
    assertThat(status("/actuator/health")).isEqualTo(200);
    assertThat(status("/actuator/health/liveness")).isEqualTo(200);
  }

  private int status(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
