package dev.forgeflow.orchestrator.gateway;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;

/**
 * Joins the trace a caller names in its W3C {@code traceparent} (and {@code tracestate}) header:
 * the request's work, on whichever thread serves it, runs with the caller's span as the current
 * context, so a run started by the request has its {@code forgeflow.run.start} span as a child of
 * the caller's span and its whole trace is the caller's. The context travels in the Reactor context
 * and Reactor's automatic context propagation makes it current on the event loop and on the
 * blocking-call scheduler alike; a request without the header starts no trace of its own here.
 */
final class IncomingTraceContext implements WebFilter, Ordered {
  static final String KEY = "forgeflow.otel.context";

  private static final AtomicBoolean INSTALLED = new AtomicBoolean();
  private static final TextMapGetter<HttpHeaders> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpHeaders carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(HttpHeaders carrier, String key) {
          return carrier == null ? null : carrier.getFirst(key);
        }
      };

  private final OpenTelemetry openTelemetry;

  private IncomingTraceContext(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
  }

  /** The filter, with the OpenTelemetry context made to follow the Reactor context (once). */
  static IncomingTraceContext install(OpenTelemetry openTelemetry) {
    if (INSTALLED.compareAndSet(false, true)) {
      ContextRegistry.getInstance().registerThreadLocalAccessor(new CurrentContext());
      Hooks.enableAutomaticContextPropagation();
    }
    return new IncomingTraceContext(openTelemetry);
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    HttpHeaders headers = exchange.getRequest().getHeaders();
    if (!headers.containsKey("traceparent")) {
      return chain.filter(exchange);
    }
    Context caller =
        openTelemetry
            .getPropagators()
            .getTextMapPropagator()
            .extract(Context.root(), headers, HEADERS);
    if (!Span.fromContext(caller).getSpanContext().isValid()) {
      return chain.filter(exchange);
    }
    return chain.filter(exchange).contextWrite(context -> context.put(KEY, caller));
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  /**
   * Makes the OpenTelemetry context in the Reactor context current on the thread that serves a
   * signal, and the one it replaced current again after: scopes close in the order they opened.
   */
  static final class CurrentContext implements ThreadLocalAccessor<Context> {
    private static final ThreadLocal<Deque<Scope>> SCOPES =
        ThreadLocal.withInitial(ArrayDeque::new);

    @Override
    public Object key() {
      return KEY;
    }

    @Override
    public Context getValue() {
      Context current = Context.current();
      return current == Context.root() ? null : current;
    }

    @Override
    public void setValue(Context value) {
      SCOPES.get().push(value.makeCurrent());
    }

    @Override
    public void setValue() {
      SCOPES.get().push(Context.root().makeCurrent());
    }

    @Override
    public void restore(Context previous) {
      close();
    }

    @Override
    public void restore() {
      close();
    }

    private static void close() {
      Scope scope = SCOPES.get().poll();
      if (scope != null) {
        scope.close();
      }
    }
  }
}
