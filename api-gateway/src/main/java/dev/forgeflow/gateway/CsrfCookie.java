package dev.forgeflow.gateway;

import java.util.List;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where the double-submit CSRF token lives: Spring Security's cookie repository, cookie {@code
 * XSRF-TOKEN} (readable by the page's script, SameSite=Lax, Path=/), echoed in the header {@code
 * X-XSRF-TOKEN}. The cookie is also Secure behind a proxy that says the request came over https.
 */
final class CsrfCookie implements ServerCsrfTokenRepository {

  static final String NAME = "XSRF-TOKEN";
  static final String HEADER = "X-XSRF-TOKEN";

  private final CookieServerCsrfTokenRepository cookies =
      CookieServerCsrfTokenRepository.withHttpOnlyFalse();

  CsrfCookie() {
    cookies.setCookieName(NAME);
    cookies.setHeaderName(HEADER);
    cookies.setCookiePath("/");
    cookies.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
  }

  @Override
  public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
    return cookies.generateToken(exchange);
  }

  @Override
  public Mono<Void> saveToken(ServerWebExchange exchange, CsrfToken token) {
    return cookies.saveToken(exchange, token).then(Mono.fromRunnable(() -> secure(exchange)));
  }

  @Override
  public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
    return cookies.loadToken(exchange);
  }

  private static void secure(ServerWebExchange exchange) {
    MultiValueMap<String, ResponseCookie> written = exchange.getResponse().getCookies();
    List<ResponseCookie> mine = written.get(NAME);
    if (mine != null && SessionCookie.overHttps(exchange.getRequest())) {
      written.put(NAME, mine.stream().map(c -> c.mutate().secure(true).build()).toList());
    }
  }
}
