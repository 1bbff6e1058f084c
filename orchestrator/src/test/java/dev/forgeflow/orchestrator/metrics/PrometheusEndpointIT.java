package dev.forgeflow.orchestrator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.orchestrator.OrchestratorApplication;
import dev.forgeflow.orchestrator.config.SandboxChoice;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.LocalAccount;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application with its management server on a port of its own: a run of the offline planner,
 * checked in the sandbox and followed over SSE, shows in {@code /actuator/prometheus} there — runs
 * by outcome, stage timers, journal appends, SSE subscribers, sandbox steps and the Temporal SDK's
 * own metrics — while the public port serves health but no metrics.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
    classes = OrchestratorApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.main.web-application-type=reactive",
      "server.address=127.0.0.1",
      "forgeflow.management-port=0"
    })
// Spring Boot's tests turn metrics export off unless asked: this one is about export.
@AutoConfigureObservability(tracing = false)
class PrometheusEndpointIT {
  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("forgeflow.data-dir", () -> dataDir.toString());
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  @Autowired Stores stores;
  @Autowired SandboxChoice sandbox;

  @Test
  void aCheckedRunShowsOnTheManagementPortAndThePublicPortServesNoMetrics() throws Exception {
    assertThat(managementPort).isNotEqualTo(port);
    assertThat(sandbox.available()).as(sandbox.describe()).isTrue();
    String token = LocalAccount.ensure(dataDir, stores.accounts()).token();
    String project = created(token, "/api/projects", Map.of("name", "metered"));
    String runId =
        created(
            token,
            "/api/projects/" + project + "/runs",
            Map.of("prompt", "A library API with authors (name, born: date)", "sandbox", "check"));

    HttpResponse<Stream<String>> events =
        http.send(
            authorized(token, "http://127.0.0.1:" + port + "/api/runs/" + runId + "/events")
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    assertThat(events.statusCode()).isEqualTo(200);
    assertThat(awaitValue("forgeflow_sse_subscribers", v -> v >= 1, Duration.ofSeconds(10)))
        .as("the open event stream is counted")
        .isPresent();
    String end = followToEnd(events.body());
    assertThat(end).isEqualTo("event:run.completed");

    assertThat(awaitValue("forgeflow_sse_subscribers", v -> v == 0, Duration.ofSeconds(10)))
        .as("the ended event stream is no longer counted")
        .isPresent();
    assertThat(value("forgeflow_runs_started_total"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(1));
    assertThat(value("forgeflow_runs_finished_total{outcome=\"APPROVED\"}"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(1));
    for (String stage : new String[] {"REQUIREMENTS", "ARCHITECTURE", "IMPLEMENTATION", "CHECKS"}) {
      assertThat(value("forgeflow_stage_duration_seconds_count{stage=\"" + stage + "\"}"))
          .as(stage)
          .hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(1));
    }
    assertThat(value("forgeflow_stage_duration_seconds_sum{stage=\"CHECKS\"}"))
        .hasValueSatisfying(v -> assertThat(v).isPositive());
    assertThat(value("forgeflow_journal_append_seconds_count{outcome=\"ok\",type=\"code.file\"}"))
        .hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(4));
    assertThat(value("forgeflow_sandbox_build_seconds_count{outcome=\"success\"}"))
        .hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(1));
    assertThat(value("forgeflow_sandbox_check_seconds_count{outcome=\"passed\"}"))
        .hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(1));
    assertThat(value("forgeflow_sandbox_check_seconds_sum{outcome=\"passed\"}"))
        .hasValueSatisfying(v -> assertThat(v).isPositive());
    // the SDK reports through its metrics scope every 10 s
    assertThat(awaitValue("temporal_workflow_completed_total", v -> v >= 1, Duration.ofSeconds(30)))
        .as("the Temporal SDK's metrics go to the same registry")
        .isPresent();

    assertThat(get("http://127.0.0.1:" + port + "/actuator/prometheus", token).statusCode())
        .isEqualTo(404);
    assertThat(get("http://127.0.0.1:" + port + "/actuator/prometheus", null).statusCode())
        .isEqualTo(404);
    assertThat(get("http://127.0.0.1:" + port + "/actuator/metrics", null).statusCode())
        .isEqualTo(404);
    HttpResponse<String> liveness =
        get("http://127.0.0.1:" + port + "/actuator/health/liveness", null);
    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(liveness.body()).contains("\"UP\"");
    assertThat(get("http://127.0.0.1:" + port + "/actuator/health/readiness", null).statusCode())
        .isEqualTo(200);
    assertThat(get("http://127.0.0.1:" + port + "/actuator/health", null).statusCode())
        .isEqualTo(200);
    assertThat(get("http://127.0.0.1:" + port + "/actuator/health/nothing", null).statusCode())
        .isEqualTo(404);
    assertThat(get(management("/actuator/health"), null).statusCode()).isEqualTo(200);
  }

  private static String followToEnd(Stream<String> lines) {
    Iterator<String> it = lines.iterator();
    while (it.hasNext()) {
      String line = it.next().replace(": ", ":");
      if (line.equals("event:run.completed")
          || line.equals("event:run.failed")
          || line.equals("event:run.cancelled")) {
        return line;
      }
    }
    return "the stream ended without the run's end";
  }

  private Optional<Double> awaitValue(String series, DoublePredicate wanted, Duration within)
      throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      Optional<Double> value = value(series);
      if (value.isPresent() && wanted.test(value.get())) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        return Optional.empty();
      }
      Thread.sleep(250);
    }
  }

  /** The value of one series (name and labels, as scraped) on the management port. */
  private Optional<Double> value(String series) throws Exception {
    HttpResponse<String> scrape = get(management("/actuator/prometheus"), null);
    assertThat(scrape.statusCode()).isEqualTo(200);
    String name = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
    String labels = series.contains("{") ? series.substring(series.indexOf('{')) : "";
    Matcher line =
        Pattern.compile(
                "^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+|NaN)$", Pattern.MULTILINE)
            .matcher(scrape.body());
    double sum = 0;
    boolean found = false;
    while (line.find()) {
      String these = line.group(1) == null ? "" : line.group(1);
      if (contains(these, labels)) {
        sum += Double.parseDouble(line.group(2));
        found = true;
      }
    }
    return found ? Optional.of(sum) : Optional.empty();
  }

  /** True if the scraped {@code labels} hold every label of {@code wanted}. */
  private static boolean contains(String labels, String wanted) {
    if (wanted.isEmpty()) {
      return true;
    }
    for (String label : wanted.substring(1, wanted.length() - 1).split(",")) {
      if (!labels.contains(label)) {
        return false;
      }
    }
    return true;
  }

  private String management(String path) {
    return "http://127.0.0.1:" + managementPort + path;
  }

  private HttpResponse<String> get(String url, String token)
      throws IOException, InterruptedException {
    return http.send(
        authorized(token, url).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder authorized(String token, String url) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }

  private String created(String token, String path, Map<String, Object> body) throws Exception {
    HttpResponse<String> answer =
        http.send(
            authorized(token, "http://127.0.0.1:" + port + path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 299);
    JsonNode created = JSON.readTree(answer.body());
    return created.get("id").asText();
  }
}
