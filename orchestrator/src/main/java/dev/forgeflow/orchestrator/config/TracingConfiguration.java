package dev.forgeflow.orchestrator.config;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.opentracingshim.OpenTracingShim;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.reactive.context.ReactiveWebApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tracing with OpenTelemetry. Spans start where a run starts ({@code Runs}); Temporal's OpenTracing
 * interceptors, bridged to OpenTelemetry by the shim, carry the context through the workflow's
 * headers to the workflow and every activity; the agents' model calls and the sandbox's Docker
 * operations are their children. temporal-spring-boot-starter adds those interceptors to the client
 * and the worker factory itself when the context holds an {@code io.opentracing.Tracer}.
 *
 * <p>Spans are exported over OTLP when {@code FORGEFLOW_OTLP_ENDPOINT} names a collector, and to
 * any {@link SpanProcessor} bean; with neither, nothing is recorded and the W3C trace context is
 * only passed on.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {
  static final String SERVICE = "forgeflow";
  static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  static final AttributeKey<String> ROLE = AttributeKey.stringKey("forgeflow.role");

  @Bean
  OpenTelemetry openTelemetry(
      ForgeflowProperties properties,
      SandboxChoice sandbox,
      ApplicationContext context,
      ObjectProvider<SpanProcessor> processors) {
    ContextPropagators propagators =
        ContextPropagators.create(W3CTraceContextPropagator.getInstance());
    List<SpanProcessor> all = new ArrayList<>(processors.orderedStream().toList());
    if (!properties.otlpEndpoint().isBlank()) {
      all.add(BatchSpanProcessor.builder(exporter(properties)).build());
    }
    if (all.isEmpty()) {
      return OpenTelemetry.propagating(propagators);
    }
    String role = role(context instanceof ReactiveWebApplicationContext, sandbox.available());
    SdkTracerProviderBuilder tracing =
        SdkTracerProvider.builder()
            .setResource(
                Resource.getDefault()
                    .merge(Resource.create(Attributes.of(SERVICE_NAME, SERVICE, ROLE, role))));
    all.forEach(tracing::addSpanProcessor);
    // closed with the context, after the workers that use it: the last spans are flushed
    return OpenTelemetrySdk.builder()
        .setTracerProvider(tracing.build())
        .setPropagators(propagators)
        .build();
  }

  /** What temporal-spring-boot-starter builds its tracing interceptors on. */
  @Bean
  io.opentracing.Tracer temporalTracer(OpenTelemetry openTelemetry) {
    return OpenTracingShim.createTracerShim(openTelemetry);
  }

  static SpanExporter exporter(ForgeflowProperties properties) {
    String endpoint = properties.otlpEndpoint();
    if (properties.otlpProtocol().equals("grpc")) {
      return OtlpGrpcSpanExporter.builder().setEndpoint(endpoint).build();
    }
    return OtlpHttpSpanExporter.builder().setEndpoint(tracesUrl(endpoint)).build();
  }

  /** The OTLP/HTTP traces URL of a collector's base URL, or the traces URL itself. */
  static String tracesUrl(String endpoint) {
    return endpoint.endsWith("/v1/traces")
        ? endpoint
        : endpoint.replaceAll("/+$", "") + "/v1/traces";
  }

  /** The roles this process serves, as the spans' resource names them: {@code gateway,agents}. */
  static String role(boolean gateway, boolean sandbox) {
    List<String> roles = new ArrayList<>();
    if (gateway) {
      roles.add("gateway");
    }
    roles.add("agents");
    if (sandbox) {
      roles.add("sandbox");
    }
    return String.join(",", roles);
  }
}
