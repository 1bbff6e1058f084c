package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Failed sign-ins from one address are throttled over real HTTP, whatever login they try. */
class SignInThrottleIT {

  private static final String PASSWORD = "correct horse battery";

  @TempDir static Path dataDir;
  private static RunningGateway gateway;

  @BeforeAll
  static void startGateway() {
    gateway =
        RunningGateway.start(
            dataDir, "forgeflow.gateway.sign-in-attempts=3", "forgeflow.gateway.sign-in-window=5m");
  }

  @AfterAll
  static void stopGateway() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void afterTooManyFailedSignInsFromAnAddressItIsTooManyRequestsWithRetryAfter() {
    new Browser(gateway.testClient).signUp("ada", PASSWORD);
    Browser browser = new Browser(gateway.testClient);
    for (String login : new String[] {"ada", "bob", "carol"}) {
      signIn(browser, login, "wrong password").expectStatus().isUnauthorized();
    }

    signIn(browser, "ada", PASSWORD)
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .value(
            HttpHeaders.RETRY_AFTER,
            seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 300L))
        .expectCookie()
        .doesNotExist(Browser.SESSION);
  }

  private static WebTestClient.ResponseSpec signIn(Browser browser, String login, String password) {
    return browser
        .client
        .post()
        .uri("/api/auth/sign-in")
        .header(Browser.CSRF_HEADER, browser.csrfToken())
        .bodyValue(Map.of("login", login, "password", password))
        .exchange();
  }
}
