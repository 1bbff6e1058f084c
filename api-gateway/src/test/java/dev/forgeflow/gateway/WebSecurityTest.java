package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class WebSecurityTest {

  private static final HttpCookie SESSION = new HttpCookie(SessionCookie.NAME, "s1");

  @Test
  void unsafeRequestsWithTheSessionCookieNeedTheCsrfToken() {
    for (HttpMethod method :
        new HttpMethod[] {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE}) {
      assertThat(requiresCsrf(MockServerHttpRequest.method(method, "/api/tokens").cookie(SESSION)))
          .as("%s", method)
          .isTrue();
    }
  }

  @Test
  void safeRequestsNeedNone() {
    assertThat(requiresCsrf(MockServerHttpRequest.get("/api/tokens").cookie(SESSION))).isFalse();
    assertThat(requiresCsrf(MockServerHttpRequest.head("/api/me").cookie(SESSION))).isFalse();
    assertThat(requiresCsrf(MockServerHttpRequest.options("/api/me").cookie(SESSION))).isFalse();
  }

  @Test
  void requestsWithABearerTokenNeedNoneWhateverCookiesTheyCarry() {
    assertThat(
            requiresCsrf(
                MockServerHttpRequest.post("/api/tokens")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer ffp_x")
                    .cookie(SESSION)))
        .isFalse();
  }

  @Test
  void signingUpAndInNeedItEvenWithoutASessionButOtherUnsafeRequestsWithoutCredentialsDoNot() {
    assertThat(requiresCsrf(MockServerHttpRequest.post("/api/auth/sign-up"))).isTrue();
    assertThat(requiresCsrf(MockServerHttpRequest.post("/api/auth/sign-in"))).isTrue();
    assertThat(requiresCsrf(MockServerHttpRequest.post("/api/tokens"))).isFalse();
  }

  @Test
  void aProxySayingHttpsMakesTheRequestHttps() {
    assertThat(SessionCookie.overHttps(MockServerHttpRequest.get("/").build())).isFalse();
    assertThat(
            SessionCookie.overHttps(
                MockServerHttpRequest.get("/").header("X-Forwarded-Proto", "https").build()))
        .isTrue();
    assertThat(
            SessionCookie.overHttps(
                MockServerHttpRequest.get("/").header("X-Forwarded-Proto", "http, https").build()))
        .isFalse();
    assertThat(SessionCookie.overHttps(MockServerHttpRequest.get("https://example.com/").build()))
        .isTrue();
  }

  private static boolean requiresCsrf(MockServerHttpRequest.BaseBuilder<?> request) {
    return WebSecurity.requiresCsrf(MockServerWebExchange.from(request)).block().isMatch();
  }
}
