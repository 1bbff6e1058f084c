package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class TokenAuthenticationTest {

  @Test
  void aBearerTokenIsReadWhateverTheSchemesCase() {
    assertThat(TokenAuthentication.bearerToken(authorization("Bearer ffp_abc")))
        .hasValue("ffp_abc");
    assertThat(TokenAuthentication.bearerToken(authorization("bearer  ffp_abc ")))
        .hasValue("ffp_abc");
  }

  @Test
  void anythingButABearerTokenIsNoToken() {
    assertThat(TokenAuthentication.bearerToken(new HttpHeaders())).isEmpty();
    assertThat(TokenAuthentication.bearerToken(authorization("Bearer "))).isEmpty();
    assertThat(TokenAuthentication.bearerToken(authorization("Basic dXNlcjpwdw=="))).isEmpty();
    assertThat(TokenAuthentication.bearerToken(authorization("Bearerffp_abc"))).isEmpty();
  }

  private static HttpHeaders authorization(String value) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.AUTHORIZATION, value);
    return headers;
  }
}
