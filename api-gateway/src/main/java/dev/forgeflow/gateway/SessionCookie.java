package dev.forgeflow.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * The browser session's cookie, {@value #NAME}: the session id, HttpOnly, SameSite=Lax, Path=/,
 * Secure when the request came over https, with a Max-Age of the session's lifetime.
 */
public final class SessionCookie {

  public static final String NAME = "forgeflow_session";

  private final Duration lifetime;

  SessionCookie(Duration lifetime) {
    this.lifetime = lifetime;
  }

  /** How long a session started now lasts. */
  public Duration lifetime() {
    return lifetime;
  }

  /** The session id the request's cookie carries, if it carries one. */
  public static Optional<String> read(ServerHttpRequest request) {
    HttpCookie cookie = request.getCookies().getFirst(NAME);
    return cookie == null || cookie.getValue().isBlank()
        ? Optional.empty()
        : Optional.of(cookie.getValue());
  }

  /** Sets the cookie of a session just started on the response. */
  public void set(ServerWebExchange exchange, String sessionId) {
    exchange.getResponse().addCookie(cookie(exchange, sessionId, lifetime));
  }

  /** Tells the browser to drop the cookie. */
  public static void clear(ServerWebExchange exchange) {
    exchange.getResponse().addCookie(cookie(exchange, "", Duration.ZERO));
  }

  private static ResponseCookie cookie(ServerWebExchange exchange, String value, Duration maxAge) {
    return ResponseCookie.from(NAME, value)
        .httpOnly(true)
        .sameSite("Lax")
        .path("/")
        .secure(overHttps(exchange.getRequest()))
        .maxAge(maxAge)
        .build();
  }

  /**
   * Whether the request came over https: to this server, or to a proxy in front that says so with
   * {@code X-Forwarded-Proto}.
   */
  static boolean overHttps(ServerHttpRequest request) {
    if (request.getSslInfo() != null || "https".equalsIgnoreCase(request.getURI().getScheme())) {
      return true;
    }
    List<String> forwarded = request.getHeaders().getOrEmpty("X-Forwarded-Proto");
    return !forwarded.isEmpty() && forwarded.get(0).split(",")[0].strip().equalsIgnoreCase("https");
  }
}
