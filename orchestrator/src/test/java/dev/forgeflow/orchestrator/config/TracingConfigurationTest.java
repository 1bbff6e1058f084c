package dev.forgeflow.orchestrator.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class TracingConfigurationTest {
  /** What a loopback OTLP/HTTP receiver was sent. */
  record Export(String method, String contentType, byte[] body) {}

  private final List<Export> received = new CopyOnWriteArrayList<>();
  private HttpServer collector;

  @BeforeEach
  void startCollector() throws IOException {
    collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    collector.createContext(
        "/v1/traces",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            received.add(
                new Export(
                    exchange.getRequestMethod(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body.readAllBytes()));
          }
          // an empty ExportTraceServiceResponse: everything accepted
          exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    collector.start();
  }

  @AfterEach
  void stopCollector() {
    collector.stop(0);
  }

  @Test
  void withAnOtlpEndpointSpansArePostedAsProtobufNamingServiceAndRole() {
    String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort();
    runner(Map.of("FORGEFLOW_OTLP_ENDPOINT", endpoint))
        .run(
            context -> {
              OpenTelemetry telemetry = context.getBean(OpenTelemetry.class);
              Span span =
                  telemetry.getTracer("test").spanBuilder("forgeflow.run.start").startSpan();
              span.end();
            });
    // closing the context flushed the batch

    assertThat(received).isNotEmpty();
    Export export = received.get(0);
    assertThat(export.method()).isEqualTo("POST");
    assertThat(export.contentType()).isEqualTo("application/x-protobuf");
    String body = new String(export.body(), StandardCharsets.ISO_8859_1);
    assertThat(body).contains("forgeflow.run.start", "service.name", "forgeflow.role", "agents");
  }

  @Test
  void withoutAnEndpointNothingIsRecordedButTheTraceContextIsPassedOn() {
    runner(Map.of())
        .run(
            context -> {
              OpenTelemetry telemetry = context.getBean(OpenTelemetry.class);
              Span span = telemetry.getTracer("test").spanBuilder("unrecorded").startSpan();
              assertThat(span.isRecording()).isFalse();
              assertThat(telemetry.getPropagators().getTextMapPropagator().fields())
                  .contains("traceparent");
            });
    assertThat(received).isEmpty();
  }

  @Test
  void anEndpointThatIsNotAnHttpUrlStopsStartUpNamingTheSetting() {
    runner(Map.of("FORGEFLOW_OTLP_ENDPOINT", "127.0.0.1:4318"))
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("otlpEndpoint")
                    .hasMessageContaining("not an http(s) URL"));
  }

  @Test
  void httpEndpointsGetTheTracesPathOnce() {
    assertThat(TracingConfiguration.tracesUrl("http://127.0.0.1:4318"))
        .isEqualTo("http://127.0.0.1:4318/v1/traces");
    assertThat(TracingConfiguration.tracesUrl("http://127.0.0.1:4318/collector/"))
        .isEqualTo("http://127.0.0.1:4318/collector/v1/traces");
    assertThat(TracingConfiguration.tracesUrl("http://127.0.0.1:4318/v1/traces"))
        .isEqualTo("http://127.0.0.1:4318/v1/traces");
  }

  @Test
  void theRoleNamesWhatThisProcessServes() {
    assertThat(TracingConfiguration.role(true, false)).isEqualTo("gateway,agents");
    assertThat(TracingConfiguration.role(false, true)).isEqualTo("agents,sandbox");
  }

  private static ApplicationContextRunner runner(Map<String, Object> environment) {
    return new ApplicationContextRunner()
        .withInitializer(
            context ->
                context
                    .getEnvironment()
                    .getPropertySources()
                    .addFirst(
                        new SystemEnvironmentPropertySource(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            environment)))
        .withUserConfiguration(Setting.class);
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ForgeflowProperties.class)
  @Import(TracingConfiguration.class)
  static class Setting {
    @Bean
    SandboxChoice sandbox() {
      return SandboxChoice.off("no sandbox in this test");
    }
  }
}
