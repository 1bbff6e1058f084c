package dev.forgeflow.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.gateway.Browser;
import dev.forgeflow.gateway.InMemoryGateway;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(
    classes = InMemoryGateway.class,
    properties = {"forgeflow.gateway.sign-in-attempts=3", "forgeflow.gateway.sign-in-window=10m"})
@AutoConfigureWebTestClient
class SignInThrottlingTest {

  private static final String PASSWORD = "correct horse battery";

  @Autowired private WebTestClient client;

  @Test
  void afterTooManyFailedSignInsEvenTheRightPasswordIsTooManyRequestsWithRetryAfter() {
    String name = AuthControllerTest.username();
    new Browser(client).signUp(name, PASSWORD);
    Browser browser = new Browser(client);
    for (int i = 0; i < 3; i++) {
      signIn(browser, name, "wrong password").expectStatus().isUnauthorized();
    }

    signIn(browser, name, PASSWORD)
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .value(
            HttpHeaders.RETRY_AFTER,
            seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 600L))
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
