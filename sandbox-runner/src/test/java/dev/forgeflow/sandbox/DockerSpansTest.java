package dev.forgeflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DockerSpansTest {
  private final InMemorySpanExporter exported = InMemorySpanExporter.create();
  private final OpenTelemetrySdk telemetry =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(exported))
                  .build())
          .build();

  @AfterEach
  void close() {
    telemetry.close();
  }

  @Test
  void operationIsAChildSpanOfTheCurrentOneWithItsAttributes() {
    Span activity = telemetry.getTracer("test").spanBuilder("RunActivity:Check").startSpan();
    String built;
    try (Scope scope = activity.makeCurrent()) {
      built =
          DockerSpans.of(telemetry)
              .in("build_image", Attributes.of(DockerSpans.RUN_ID, "run-1"), () -> "image:tag");
    } finally {
      activity.end();
    }

    assertThat(built).isEqualTo("image:tag");
    SpanData build = named("docker.build_image");
    assertThat(build.getParentSpanId()).isEqualTo(activity.getSpanContext().getSpanId());
    assertThat(build.getTraceId()).isEqualTo(activity.getSpanContext().getTraceId());
    assertThat(build.getAttributes().get(DockerSpans.RUN_ID)).isEqualTo("run-1");
  }

  @Test
  void failedOperationMarksItsSpanAndIsRethrownUnchanged() {
    IllegalStateException daemonGone = new IllegalStateException("daemon gone");

    Throwable thrown =
        catchThrowable(
            () ->
                DockerSpans.of(telemetry)
                    .run(
                        "deploy",
                        Attributes.empty(),
                        () -> {
                          throw daemonGone;
                        }));

    assertThat(thrown).isSameAs(daemonGone);
    assertThat(named("docker.deploy").getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
  }

  private SpanData named(String name) {
    List<SpanData> found =
        exported.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
