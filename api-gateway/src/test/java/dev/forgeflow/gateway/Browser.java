package dev.forgeflow.gateway;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * A browser's view of the gateway: its {@link #client} keeps the cookies it is sent and sends them
 * back; the web UI's script would read {@link #csrfToken} from the {@code XSRF-TOKEN} cookie and
 * echo it in {@value #CSRF_HEADER}.
 */
public final class Browser {

  public static final String SESSION = "forgeflow_session";
  public static final String CSRF_COOKIE = "XSRF-TOKEN";
  public static final String CSRF_HEADER = "X-XSRF-TOKEN";

  public final WebTestClient client;
  private final Map<String, String> cookies = new ConcurrentHashMap<>();

  public Browser(WebTestClient client) {
    this.client = client.mutate().filter(this::withCookies).build();
  }

  /** The value of a kept cookie. */
  public Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies.get(name));
  }

  /** The kept CSRF token, fetched first from {@code GET /api/auth/csrf} if there is none. */
  public String csrfToken() {
    if (!cookies.containsKey(CSRF_COOKIE)) {
      client.get().uri("/api/auth/csrf").exchange().expectStatus().isOk();
    }
    return cookies.get(CSRF_COOKIE);
  }

  /** Signs up with a password and an email address of the username; the session cookie is kept. */
  public void signUp(String username, String password) {
    client
        .post()
        .uri("/api/auth/sign-up")
        .header(CSRF_HEADER, csrfToken())
        .bodyValue(
            Map.of("username", username, "email", username + "@example.com", "password", password))
        .exchange()
        .expectStatus()
        .isCreated();
  }

  private Mono<ClientResponse> withCookies(ClientRequest request, ExchangeFunction next) {
    ClientRequest withCookies =
        ClientRequest.from(request).cookies(sent -> cookies.forEach(sent::set)).build();
    return next.exchange(withCookies)
        .doOnNext(response -> response.cookies().values().forEach(all -> all.forEach(this::keep)));
  }

  private void keep(ResponseCookie cookie) {
    if (cookie.getMaxAge().isZero() || cookie.getValue().isEmpty()) {
      cookies.remove(cookie.getName());
    } else {
      cookies.put(cookie.getName(), cookie.getValue());
    }
  }
}
