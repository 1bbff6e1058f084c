package dev.forgeflow.gateway;

import dev.forgeflow.store.accounts.Accounts;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Lets a request under {@code /api/} through only with {@code Authorization: Bearer <personal API
 * token>} of a user, whom handlers then find with {@link Caller#user(ServerWebExchange)}. Anything
 * else there is a 401 problem; paths outside {@code /api/} (health) are open.
 */
final class TokenAuthentication implements WebFilter {

  private static final String API = "/api/";
  private static final String BEARER = "Bearer ";

  private final Accounts accounts;
  private final Scheduler blocking;

  TokenAuthentication(Accounts accounts, Scheduler blocking) {
    this.accounts = accounts;
    this.blocking = blocking;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith(API)) {
      return chain.filter(exchange);
    }
    Optional<String> token = bearerToken(exchange.getRequest().getHeaders());
    if (token.isEmpty()) {
      return Mono.error(Problems.unauthorized("Send a personal API token: Authorization: Bearer"));
    }
    // Token lookups are JDBC calls: off the event loop.
    return Mono.fromCallable(() -> accounts.authenticateToken(token.get()))
        .subscribeOn(blocking)
        .flatMap(
            user -> {
              if (user.isEmpty()) {
                return Mono.error(Problems.unauthorized("The API token is unknown or revoked"));
              }
              Caller.authenticate(exchange, user.get());
              return chain.filter(exchange);
            });
  }

  static Optional<String> bearerToken(HttpHeaders headers) {
    String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    String token = authorization.substring(BEARER.length()).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
