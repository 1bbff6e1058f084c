package dev.forgeflow.orchestrator.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgeflow.orchestrator.OrchestratorApplication;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.LocalAccount;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A caller that sends a W3C {@code traceparent} when it starts a run through the API gets the run
 * in its own trace: the run's start span is a child of the caller's span, and the workflow's spans
 * follow. A caller that sends none gets a trace of the run's own.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
    classes = {OrchestratorApplication.class, IncomingTraceIT.KeptSpans.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.main.web-application-type=reactive",
      "server.address=127.0.0.1",
      "forgeflow.temporal-local=in-process",
      "forgeflow.sandbox=off"
    })
class IncomingTraceIT {
  static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
  static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("forgeflow.run_id");
  static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String CALLER_SPAN = "00f067aa0ba902b7";

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("forgeflow.data-dir", () -> dataDir.toString());
  }

  /** Every span the application ends, kept for the test to read. */
  @TestConfiguration(proxyBeanMethods = false)
  static class KeptSpans {
    @Bean
    SpanProcessor keptSpans() {
      return SimpleSpanProcessor.create(SPANS);
    }
  }

  @LocalServerPort int port;
  @Autowired Stores stores;
  WebTestClient api;
  String project;

  @BeforeEach
  void signIn() {
    String token = LocalAccount.ensure(dataDir, stores.accounts()).token();
    api =
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(30))
            .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .build();
    project =
        id(
            api.post()
                .uri("/api/projects")
                .bodyValue(Map.of("name", "traced-" + System.nanoTime())));
  }

  @Test
  void aRunStartedWithATraceparentIsInTheCallersTrace() {
    SpanData start = startSpan(start("00-" + TRACE + "-" + CALLER_SPAN + "-01"));

    assertThat(start.getTraceId()).isEqualTo(TRACE);
    assertThat(start.getParentSpanId()).isEqualTo(CALLER_SPAN);
    assertThat(start.getParentSpanContext().isRemote()).isTrue();
    SpanData workflowStart =
        await(
            span ->
                span.getName().equals("StartWorkflow:PipelineWorkflow")
                    && span.getParentSpanId().equals(start.getSpanId()));
    assertThat(workflowStart.getTraceId()).isEqualTo(TRACE);
  }

  @Test
  void withoutOneTheRunsStartIsTheRootOfItsOwnTrace() {
    SpanData start = startSpan(start(null));

    assertThat(start.getParentSpanContext().isValid()).isFalse();
    assertThat(start.getTraceId()).isNotEqualTo(TRACE);
  }

  @Test
  void aMalformedTraceparentIsIgnored() {
    SpanData start = startSpan(start("00-not-a-trace-01"));

    assertThat(start.getParentSpanContext().isValid()).isFalse();
  }

  /** Starts a run through the API, with {@code traceparent} unless it is null; its id. */
  private String start(String traceparent) {
    WebTestClient.RequestBodySpec request =
        api.post().uri("/api/projects/" + project + "/runs").header("tracestate", "vendor=opaque");
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    return id(request.bodyValue(Map.of("prompt", "A notes API with notes (title, body)")));
  }

  private static SpanData startSpan(String runId) {
    return await(
        span ->
            "forgeflow.run.start".equals(span.getName())
                && runId.equals(span.getAttributes().get(RUN_ID)));
  }

  private static String id(WebTestClient.RequestHeadersSpec<?> request) {
    JsonNode answer =
        request
            .exchange()
            .expectStatus()
            .is2xxSuccessful()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    return answer.get("id").asText();
  }

  private static SpanData await(java.util.function.Predicate<SpanData> wanted) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      List<SpanData> found = SPANS.getFinishedSpanItems().stream().filter(wanted).toList();
      if (!found.isEmpty()) {
        assertThat(found).hasSize(1);
        return found.get(0);
      }
      assertThat(System.nanoTime()).as("a span came within 30 s").isLessThan(deadline);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
