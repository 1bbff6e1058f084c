package dev.forgeflow.gateway;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Every line logged while a request is served names its authenticated {@code user} and, on a run's
 * routes ({@code /api/runs/{id}/…}), its {@code runId}. They travel in the Reactor context and
 * Reactor's automatic context propagation restores them into the MDC on whichever thread serves the
 * request next (the event loop, the blocking-call scheduler), and clears them after.
 *
 * <p>Runs after Spring Security's filters, so the user is the one they authenticated.
 */
public final class RequestLogContext implements WebFilter, Ordered {
  static final String USER = "user";
  static final String RUN_ID = "runId";
  static final List<String> KEYS = List.of(USER, RUN_ID, "workflowId");
  private static final Pattern RUN_ROUTE = Pattern.compile("^/api/runs/([^/]+)");

  private static final AtomicBoolean INSTALLED = new AtomicBoolean();

  /**
   * The filter, with propagation turned on (once per process): the MDC keys above follow the
   * Reactor context.
   */
  public static RequestLogContext install() {
    if (INSTALLED.compareAndSet(false, true)) {
      ContextRegistry.getInstance()
          .registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(KEYS.toArray(String[]::new)));
      Hooks.enableAutomaticContextPropagation();
    }
    return new RequestLogContext();
  }

  private RequestLogContext() {}

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    Matcher run =
        RUN_ROUTE.matcher(exchange.getRequest().getPath().pathWithinApplication().value());
    String runId = run.find() ? run.group(1) : null;
    return exchange
        .getPrincipal()
        .map(Principal::getName)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            user -> {
              Map<String, String> context = new HashMap<>();
              user.ifPresent(name -> context.put(USER, name));
              if (runId != null) {
                context.put(RUN_ID, runId);
              }
              return chain
                  .filter(exchange)
                  .contextWrite(Context.of(Slf4jThreadLocalAccessor.KEY, Map.copyOf(context)));
            });
  }

  @Override
  public int getOrder() {
    return 0;
  }
}
