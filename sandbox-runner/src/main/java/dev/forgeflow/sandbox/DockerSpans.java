package dev.forgeflow.sandbox;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.function.Supplier;

/**
 * Puts each Docker operation of the sandbox (building a project image, running a check container,
 * deploying a service, removing a run's resources) in a span of its own, a child of the current
 * span — the activity's, when Temporal's tracing interceptor runs the activity.
 */
public final class DockerSpans {
  /** The instrumentation scope of the sandbox's spans. */
  public static final String TRACER = "dev.forgeflow.sandbox";

  public static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("forgeflow.run_id");
  public static final AttributeKey<String> BUNDLE_ID =
      AttributeKey.stringKey("forgeflow.bundle_id");
  public static final AttributeKey<String> IMAGE = AttributeKey.stringKey("container.image.name");
  public static final AttributeKey<String> STEP = AttributeKey.stringKey("forgeflow.check.step");

  private static final DockerSpans NONE = new DockerSpans(OpenTelemetry.noop().getTracer(TRACER));

  private final Tracer tracer;

  private DockerSpans(Tracer tracer) {
    this.tracer = tracer;
  }

  /** Spans of {@code telemetry}'s tracer. */
  public static DockerSpans of(OpenTelemetry telemetry) {
    return new DockerSpans(telemetry.getTracer(TRACER));
  }

  /** No spans: for tools and tests that trace nothing. */
  public static DockerSpans none() {
    return NONE;
  }

  /**
   * Runs {@code work} in a span named {@code docker.<operation>}, current while it runs; a failure
   * marks the span as an error and is rethrown unchanged.
   */
  public <T> T in(String operation, Attributes attributes, Supplier<T> work) {
    Span span = tracer.spanBuilder("docker." + operation).setAllAttributes(attributes).startSpan();
    try (Scope scope = span.makeCurrent()) {
      return work.get();
    } catch (RuntimeException failure) {
      span.recordException(failure);
      span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
      throw failure;
    } finally {
      span.end();
    }
  }

  /** Like {@link #in(String, Attributes, Supplier)}, for work with no result. */
  public void run(String operation, Attributes attributes, Runnable work) {
    in(
        operation,
        attributes,
        () -> {
          work.run();
          return null;
        });
  }
}
