package dev.forgeflow.agents.llm;

import static dev.forgeflow.agents.llm.LlmFixtures.request;
import static dev.forgeflow.agents.llm.LlmFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TracedLlmClientTest {
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
  private final Tracer tracer = provider.get("test");

  @AfterEach
  void close() {
    provider.close();
  }

  @Test
  void modelCallIsAChildSpanCarryingAgentModelAndTokens() {
    Span activity = tracer.spanBuilder("RunActivity:Draft").startSpan();
    try (FakeLlmServer server =
            FakeLlmServer.scripted(FakeResponse.completion("fake-model-2024", "hello", 12, 3));
        Scope scope = activity.makeCurrent()) {
      LlmClients.traced(LlmClients.openAi(settings(server.baseUrl())), tracer)
          .complete(request("reviewer"), StreamListener.NONE);
    } finally {
      activity.end();
    }

    SpanData call = only("chat fake-model");
    assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(call.getParentSpanId()).isEqualTo(activity.getSpanContext().getSpanId());
    assertThat(call.getTraceId()).isEqualTo(activity.getSpanContext().getTraceId());
    assertThat(call.getAttributes().get(TracedLlmClient.AGENT)).isEqualTo("reviewer");
    assertThat(call.getAttributes().get(TracedLlmClient.REQUEST_MODEL)).isEqualTo("fake-model");
    assertThat(call.getAttributes().get(TracedLlmClient.RESPONSE_MODEL))
        .isEqualTo("fake-model-2024");
    assertThat(call.getAttributes().get(TracedLlmClient.INPUT_TOKENS)).isEqualTo(12L);
    assertThat(call.getAttributes().get(TracedLlmClient.OUTPUT_TOKENS)).isEqualTo(3L);
  }

  @Test
  void refusedCallMarksItsSpanAsAnErrorAndIsRethrownUnchanged() {
    try (FakeLlmServer server =
        FakeLlmServer.scripted(FakeResponse.error(401, "Incorrect API key provided"))) {
      Throwable thrown =
          catchThrowable(
              () ->
                  LlmClients.traced(LlmClients.openAi(settings(server.baseUrl())), tracer)
                      .complete(request("architecture"), StreamListener.NONE));

      assertThat(thrown).isInstanceOf(ApplicationFailure.class);
      SpanData call = only("chat fake-model");
      assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
      assertThat(call.getEvents()).extracting(e -> e.getName()).contains("exception");
    }
  }

  private SpanData only(String name) {
    return spans.getFinishedSpanItems().stream()
        .filter(span -> span.getName().equals(name))
        .reduce(
            (a, b) -> {
              throw new AssertionError("more than one span named " + name);
            })
        .orElseThrow(() -> new AssertionError("no span named " + name));
  }
}
