package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class PresentedCredentialsTest {

  @Test
  void aBearerTokenIsReadWhateverTheSchemesCase() {
    assertThat(PresentedCredentials.bearerToken(authorization("Bearer ffp_abc")))
        .hasValue("ffp_abc");
    assertThat(PresentedCredentials.bearerToken(authorization("bearer  ffp_abc ")))
        .hasValue("ffp_abc");
  }

  @Test
  void anythingButABearerTokenIsNoToken() {
    assertThat(PresentedCredentials.bearerToken(new HttpHeaders())).isEmpty();
    assertThat(PresentedCredentials.bearerToken(authorization("Bearer "))).isEmpty();
    assertThat(PresentedCredentials.bearerToken(authorization("Basic dXNlcjpwdw=="))).isEmpty();
    assertThat(PresentedCredentials.bearerToken(authorization("Bearerffp_abc"))).isEmpty();
  }

  @Test
  void aBearerTokenWinsOverTheSessionCookie() {
    PresentedCredentials both =
        PresentedCredentials.of(
                MockServerHttpRequest.get("/api/me")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer ffp_abc")
                    .cookie(new HttpCookie(SessionCookie.NAME, "s1"))
                    .build())
            .orElseThrow();

    assertThat(both.kind()).isEqualTo(PresentedCredentials.Kind.API_TOKEN);
    assertThat(both.getCredentials()).isEqualTo("ffp_abc");
  }

  @Test
  void withoutATokenTheSessionCookieIsPresentedAndNeitherIsNothing() {
    PresentedCredentials session =
        PresentedCredentials.of(
                MockServerHttpRequest.get("/api/me")
                    .cookie(new HttpCookie(SessionCookie.NAME, "s1"))
                    .build())
            .orElseThrow();

    assertThat(session.kind()).isEqualTo(PresentedCredentials.Kind.SESSION);
    assertThat(session.getCredentials()).isEqualTo("s1");
    assertThat(session.toString()).doesNotContain("s1");
    assertThat(PresentedCredentials.of(MockServerHttpRequest.get("/api/me").build())).isEmpty();
  }

  private static HttpHeaders authorization(String value) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.AUTHORIZATION, value);
    return headers;
  }
}
