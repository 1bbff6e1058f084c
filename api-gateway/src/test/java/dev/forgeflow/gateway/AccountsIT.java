package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.gateway.RunningGateway.Owner;
import dev.forgeflow.workflows.journal.Fact;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The accounts routes over HTTP on the real gateway and PostgreSQL, used as a browser (session
 * cookie and CSRF token) and as the CLI (Bearer token) would.
 */
class AccountsIT {

  private static final String PASSWORD = "correct horse battery";

  @TempDir static Path dataDir;
  private static RunningGateway gateway;

  @BeforeAll
  static void startGateway() {
    gateway = RunningGateway.start(dataDir);
  }

  @AfterAll
  static void stopGateway() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void signingUpSetsAnHttpOnlySameSiteSessionCookieThatAuthenticatesTheBrowser() {
    Browser browser = browser();
    String name = username();

    browser
        .client
        .post()
        .uri("/api/auth/sign-up")
        .header(Browser.CSRF_HEADER, browser.csrfToken())
        .bodyValue(Map.of("username", name, "password", PASSWORD))
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
        .httpOnly(Browser.CSRF_COOKIE, false)
        .expectBody()
        .jsonPath("$.username")
        .isEqualTo(name)
        .jsonPath("$.password")
        .doesNotExist();

    browser
        .client
        .get()
        .uri("/api/me")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.username")
        .isEqualTo(name);
  }

  @Test
  void aSessionPostWithoutTheCsrfHeaderIsForbiddenAndCreatesNoTokenWhileWithItIssuesOne() {
    Browser browser = signedUp();

    browser
        .client
        .post()
        .uri("/api/tokens")
        .bodyValue(Map.of("name", "forged"))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("CSRF token missing or invalid");
    assertThat(gateway.stores.accounts().tokens(userId(browser))).isEmpty();

    browser
        .client
        .post()
        .uri("/api/tokens")
        .header(Browser.CSRF_HEADER, browser.csrfToken())
        .bodyValue(Map.of("name", "laptop"))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.token")
        .value(token -> assertThat((String) token).startsWith("ffp_"));
    assertThat(gateway.stores.accounts().tokens(userId(browser))).hasSize(1);
  }

  @Test
  void signingInWithoutTheCsrfHeaderIsForbidden() {
    String name = username();
    signedUp(name);
    Browser browser = browser();
    browser.csrfToken();

    browser
        .client
        .post()
        .uri("/api/auth/sign-in")
        .bodyValue(Map.of("login", name, "password", PASSWORD))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectCookie()
        .doesNotExist(Browser.SESSION);
  }

  @Test
  void bearerRequestsIssueListAndRevokeTokensWithoutACsrfHeader() {
    Owner owner = gateway.newOwner();

    String secret =
        bearer(owner.token())
            .post()
            .uri("/api/tokens")
            .bodyValue(Map.of("name", "ci"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("token")
            .toString();
    List<?> tokens =
        bearer(owner.token())
            .get()
            .uri("/api/tokens")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(List.class)
            .returnResult()
            .getResponseBody();
    assertThat(tokens).hasSize(2);
    assertThat(tokens.toString()).doesNotContain(secret, owner.token(), "hash");
    String id = gateway.stores.accounts().tokens(owner.userId()).get(0).id();

    bearer(owner.token())
        .delete()
        .uri("/api/tokens/{id}", id)
        .exchange()
        .expectStatus()
        .isNoContent();

    bearer(secret)
        .get()
        .uri("/api/me")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
  }

  @Test
  void anotherUsersTokenIdIsNotFoundAndStaysValid() {
    Owner owner = gateway.newOwner();
    Owner stranger = gateway.newOwner();
    String strangersId = gateway.stores.accounts().tokens(stranger.userId()).get(0).id();

    bearer(owner.token())
        .delete()
        .uri("/api/tokens/{id}", strangersId)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);

    bearer(stranger.token()).get().uri("/api/me").exchange().expectStatus().isOk();
  }

  @Test
  void signingOutEndsTheSession() {
    Browser browser = signedUp();
    String session = browser.cookie(Browser.SESSION).orElseThrow();

    browser
        .client
        .post()
        .uri("/api/auth/sign-out")
        .header(Browser.CSRF_HEADER, browser.csrfToken())
        .exchange()
        .expectStatus()
        .isNoContent();

    gateway
        .testClient
        .get()
        .uri("/api/me")
        .cookie(Browser.SESSION, session)
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void aWrongPasswordIsUnauthorizedAndTheRightOneSignsIn() {
    String name = username();
    signedUp(name);

    signIn(browser(), name, "not the password").expectStatus().isUnauthorized();
    Browser browser = browser();
    signIn(browser, name, PASSWORD).expectStatus().isOk();
    browser.client.get().uri("/api/me").exchange().expectStatus().isOk();
  }

  @Test
  void aTakenUsernameIsAConflict() {
    String name = username();
    signedUp(name);
    Browser browser = browser();

    browser
        .client
        .post()
        .uri("/api/auth/sign-up")
        .header(Browser.CSRF_HEADER, browser.csrfToken())
        .bodyValue(Map.of("username", name, "password", PASSWORD))
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void malformedJsonAndMissingFieldsAreBadRequestProblemsWithoutTraces() {
    Browser browser = browser();
    for (String body :
        new String[] {"{\"login\": ", "{\"login\": \"x\"}", "{}", "not json", "{\"login\": 5}"}) {
      browser
          .client
          .post()
          .uri("/api/auth/sign-in")
          .header(Browser.CSRF_HEADER, browser.csrfToken())
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(body)
          .exchange()
          .expectStatus()
          .isBadRequest()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.status")
          .isEqualTo(400)
          .jsonPath("$.trace")
          .doesNotExist()
          .jsonPath("$.exception")
          .doesNotExist();
    }
  }

  @Test
  void aBrowserSessionFollowsItsRunsEventsWithoutACsrfHeader() {
    Browser browser = signedUp();
    String userId = userId(browser);
    String run = gateway.newRun(new Owner(userId, null));
    gateway.stores.journal().append(run, Fact.RunStarted.TYPE, "{}", 1);
    gateway.stores.journal().append(run, Fact.RunCompleted.TYPE, "{}", 1);

    List<String> ids =
        gateway
            .client
            .get()
            .uri("/api/runs/{id}/events", run)
            .cookie(Browser.SESSION, browser.cookie(Browser.SESSION).orElseThrow())
            .accept(MediaType.TEXT_EVENT_STREAM)
            .retrieve()
            .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
            .filter(event -> event.id() != null)
            .map(ServerSentEvent::id)
            .collectList()
            .block(RunningGateway.PATIENCE);

    assertThat(ids).containsExactly("1", "2");
  }

  private static Browser browser() {
    return new Browser(gateway.testClient);
  }

  private static Browser signedUp() {
    return signedUp(username());
  }

  private static Browser signedUp(String name) {
    Browser browser = browser();
    browser.signUp(name, PASSWORD);
    return browser;
  }

  private static String userId(Browser browser) {
    return browser
        .client
        .get()
        .uri("/api/me")
        .exchange()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody()
        .get("id")
        .toString();
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

  private static WebTestClient bearer(String token) {
    return gateway
        .testClient
        .mutate()
        .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .build();
  }

  private static String username() {
    return "user-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
