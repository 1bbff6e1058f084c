package dev.forgeflow.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.gateway.Browser;
import dev.forgeflow.gateway.InMemoryGateway;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(classes = InMemoryGateway.class)
@AutoConfigureWebTestClient
class AuthControllerTest {

  private static final String PASSWORD = "correct horse battery";

  @Autowired private WebTestClient client;
  @Autowired private InMemoryGateway gateway;

  @AfterEach
  void everyAccountsCallRanOnTheBlockingScheduler() {
    assertThat(gateway.takeAccountsThreads())
        .allSatisfy(thread -> assertThat(thread).startsWith(InMemoryGateway.BLOCKING_THREADS));
  }

  @Test
  void theCsrfRouteSetsAReadableCookieAndReturnsItsToken() {
    Browser browser = new Browser(client);

    browser
        .client
        .get()
        .uri("/api/auth/csrf")
        .exchange()
        .expectStatus()
        .isOk()
        .expectCookie()
        .httpOnly(Browser.CSRF_COOKIE, false)
        .expectCookie()
        .sameSite(Browser.CSRF_COOKIE, "Lax")
        .expectCookie()
        .path(Browser.CSRF_COOKIE, "/")
        .expectBody()
        .jsonPath("$.headerName")
        .isEqualTo(Browser.CSRF_HEADER)
        .jsonPath("$.token")
        .isEqualTo(browser.cookie(Browser.CSRF_COOKIE).orElseThrow());
  }

  @Test
  void signingUpAnswersTheUserAndStartsASessionInAnHttpOnlySameSiteCookie() {
    Browser browser = new Browser(client);
    String name = username();

    browser
        .client
        .post()
        .uri("/api/auth/sign-up")
        .header(Browser.CSRF_HEADER, browser.csrfToken())
        .bodyValue(Map.of("username", name, "email", name + "@example.com", "password", PASSWORD))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectCookie()
        .httpOnly(Browser.SESSION, true)
        .expectCookie()
        .sameSite(Browser.SESSION, "Lax")
        .expectCookie()
        .path(Browser.SESSION, "/")
        .expectCookie()
        .maxAge(Browser.SESSION, Duration.ofDays(14))
        .expectCookie()
        .secure(Browser.SESSION, false)
        .expectBody()
        .jsonPath("$.id")
        .isNotEmpty()
        .jsonPath("$.username")
        .isEqualTo(name)
        .jsonPath("$.email")
        .isEqualTo(name + "@example.com")
        .jsonPath("$.createdAt")
        .isNotEmpty()
        .jsonPath("$.password")
        .doesNotExist();
    assertThat(gateway.accounts.verifyPassword(name, PASSWORD)).isPresent();
  }

  @Test
  void theCookiesAreSecureWhenAProxySaysTheRequestCameOverHttps() {
    Browser browser = new Browser(client);
    String name = username();

    browser
        .client
        .post()
        .uri("/api/auth/sign-up")
        .header("X-Forwarded-Proto", "https")
        .header(Browser.CSRF_HEADER, browser.csrfToken())
        .bodyValue(Map.of("username", name, "password", PASSWORD))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectCookie()
        .secure(Browser.SESSION, true)
        .expectCookie()
        .secure(Browser.CSRF_COOKIE, true);
  }

  @Test
  void signingUpWithoutTheCsrfHeaderIsForbiddenAndCreatesNobody() {
    Browser browser = new Browser(client);
    browser.csrfToken();
    String name = username();

    browser
        .client
        .post()
        .uri("/api/auth/sign-up")
        .bodyValue(Map.of("username", name, "password", PASSWORD))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("CSRF token missing or invalid");
    browser
        .client
        .post()
        .uri("/api/auth/sign-up")
        .header(Browser.CSRF_HEADER, "not-the-cookie")
        .bodyValue(Map.of("username", name, "password", PASSWORD))
        .exchange()
        .expectStatus()
        .isForbidden();
    assertThat(gateway.accounts.findUserByName(name)).isEmpty();
  }

  @Test
  void aTakenUsernameOrEmailIsAConflict() {
    String name = username();
    new Browser(client).signUp(name, PASSWORD);
    Browser other = new Browser(client);

    signUp(other, Map.of("username", name.toUpperCase(), "password", PASSWORD))
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(409);
    signUp(
            other,
            Map.of("username", username(), "email", name + "@EXAMPLE.com", "password", PASSWORD))
        .expectStatus()
        .isEqualTo(409)
        .expectCookie()
        .doesNotExist(Browser.SESSION);
  }

  @Test
  void invalidFieldsAreABadRequestNamingEachFieldWithoutEchoingThePassword() {
    Browser browser = new Browser(client);

    String body =
        signUp(
                browser,
                Map.of("username", "a!", "email", "not an address", "password", "short-pw1"))
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(body)
        .contains("username", "email", "password", "10 to 200")
        .doesNotContain("short-pw1");
  }

  @Test
  void missingFieldsMalformedJsonAndNoBodyAreBadRequestProblems() {
    Browser browser = new Browser(client);

    signUp(browser, Map.of("password", PASSWORD))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("username");
    for (String malformed :
        new String[] {"{\"username\": \"x\", \"password\": \"hunter2hunter2", "[]", ""}) {
      String body =
          browser
              .client
              .post()
              .uri("/api/auth/sign-in")
              .header(Browser.CSRF_HEADER, browser.csrfToken())
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue(malformed)
              .exchange()
              .expectStatus()
              .isBadRequest()
              .expectHeader()
              .contentType(MediaType.APPLICATION_PROBLEM_JSON)
              .expectBody(String.class)
              .returnResult()
              .getResponseBody();
      assertThat(body).contains("\"status\":400").doesNotContain("hunter2", "Exception", "\tat ");
    }
  }

  @Test
  void signingInByUsernameOrEmailAnswersTheUserAndStartsASession() {
    String name = username();
    new Browser(client).signUp(name, PASSWORD);

    for (String login : new String[] {name, name.toUpperCase(), name + "@example.com"}) {
      Browser browser = new Browser(client);
      signIn(browser, login, PASSWORD)
          .expectStatus()
          .isOk()
          .expectCookie()
          .httpOnly(Browser.SESSION, true)
          .expectBody()
          .jsonPath("$.username")
          .isEqualTo(name);
      browser.client.get().uri("/api/me").exchange().expectStatus().isOk();
    }
  }

  @Test
  void aWrongPasswordAndAnUnknownLoginAreTheSameUnauthorizedProblem() {
    String name = username();
    new Browser(client).signUp(name, PASSWORD);
    Browser browser = new Browser(client);

    for (String[] attempt : new String[][] {{name, "wrong password"}, {username(), PASSWORD}}) {
      signIn(browser, attempt[0], attempt[1])
          .expectStatus()
          .isUnauthorized()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectCookie()
          .doesNotExist(Browser.SESSION)
          .expectBody()
          .jsonPath("$.detail")
          .isEqualTo(AuthController.WRONG_CREDENTIALS);
    }
  }

  @Test
  void signingInRenewsTheCsrfToken() {
    String name = username();
    new Browser(client).signUp(name, PASSWORD);
    Browser browser = new Browser(client);
    String before = browser.csrfToken();

    signIn(browser, name, PASSWORD).expectStatus().isOk();

    assertThat(browser.cookie(Browser.CSRF_COOKIE)).isPresent().isNotEqualTo(before);
  }

  @Test
  void signingOutEndsTheSessionAndClearsItsCookie() {
    Browser browser = new Browser(client);
    browser.signUp(username(), PASSWORD);
    String session = browser.cookie(Browser.SESSION).orElseThrow();

    browser
        .client
        .post()
        .uri("/api/auth/sign-out")
        .header(Browser.CSRF_HEADER, browser.csrfToken())
        .exchange()
        .expectStatus()
        .isNoContent()
        .expectCookie()
        .maxAge(Browser.SESSION, Duration.ZERO);

    assertThat(gateway.accounts.findSession(session)).isEmpty();
    browser.client.get().uri("/api/me").exchange().expectStatus().isUnauthorized();
    client
        .get()
        .uri("/api/me")
        .cookie(Browser.SESSION, session)
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
  }

  @Test
  void signingOutWithTheSessionCookieButWithoutTheCsrfHeaderIsForbiddenAndKeepsTheSession() {
    Browser browser = new Browser(client);
    browser.signUp(username(), PASSWORD);

    browser.client.post().uri("/api/auth/sign-out").exchange().expectStatus().isForbidden();

    browser.client.get().uri("/api/me").exchange().expectStatus().isOk();
  }

  private WebTestClient.ResponseSpec signUp(Browser browser, Map<String, String> body) {
    return browser
        .client
        .post()
        .uri("/api/auth/sign-up")
        .header(Browser.CSRF_HEADER, browser.csrfToken())
        .bodyValue(body)
        .exchange();
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

  static String username() {
    return "user-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
