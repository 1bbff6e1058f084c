package dev.forgeflow.agents.llm;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * Puts each model call in a span, a child of whatever span is current (the activity's): the agent,
 * the model asked and the one that answered, the endpoint and the tokens it reported. Attribute
 * names follow OpenTelemetry's generative-AI conventions where they have one.
 */
final class TracedLlmClient implements LlmClient {
  static final AttributeKey<String> AGENT = AttributeKey.stringKey("forgeflow.agent");
  static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("forgeflow.run_id");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
  static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
  static final AttributeKey<String> RESPONSE_MODEL =
      AttributeKey.stringKey("gen_ai.response.model");
  static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
  static final AttributeKey<Long> OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.output_tokens");
  static final AttributeKey<String> ENDPOINT = AttributeKey.stringKey("forgeflow.llm.endpoint");

  private final LlmClient model;
  private final Tracer tracer;

  TracedLlmClient(LlmClient model, Tracer tracer) {
    this.model = model;
    this.tracer = tracer;
  }

  @Override
  public LlmReply complete(LlmRequest request, StreamListener listener) {
    Span span =
        tracer
            .spanBuilder("chat " + request.model())
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(OPERATION, "chat")
            .setAttribute(AGENT, request.agent())
            .setAttribute(RUN_ID, request.runId())
            .setAttribute(REQUEST_MODEL, request.model())
            .startSpan();
    try (Scope scope = span.makeCurrent()) {
      LlmReply reply = model.complete(request, listener);
      span.setAttribute(RESPONSE_MODEL, reply.model());
      span.setAttribute(ENDPOINT, reply.endpoint());
      span.setAttribute(INPUT_TOKENS, reply.promptTokens());
      span.setAttribute(OUTPUT_TOKENS, reply.completionTokens());
      return reply;
    } catch (RuntimeException failure) {
      span.recordException(failure);
      span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
      throw failure;
    } finally {
      span.end();
    }
  }
}
