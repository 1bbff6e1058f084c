package dev.forgeflow.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.gateway.Browser;
import dev.forgeflow.gateway.InMemoryGateway;
import dev.forgeflow.store.accounts.IssuedToken;
import dev.forgeflow.store.accounts.NewUser;
import java.util.Map;
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
class TokensControllerTest {

  private static final String PASSWORD = "correct horse battery";

  @Autowired private WebTestClient client;
  @Autowired private InMemoryGateway gateway;

  @AfterEach
  void everyAccountsCallRanOnTheBlockingScheduler() {
    assertThat(gateway.takeAccountsThreads())
        .allSatisfy(thread -> assertThat(thread).startsWith(InMemoryGateway.BLOCKING_THREADS));
  }

  @Test
  void aBearerRequestIssuesATokenWithoutACsrfHeaderAndShowsItsSecretOnce() {
    String bearer = newUserToken();

    String secret =
        client
            .post()
            .uri("/api/tokens")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
            .bodyValue(Map.of("name", "laptop"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(TokensController.IssuedTokenBody.class)
            .returnResult()
            .getResponseBody()
            .token();

    assertThat(secret).startsWith("ffp_");
    client
        .get()
        .uri("/api/me")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
        .exchange()
        .expectStatus()
        .isOk();
    String listing = list(bearer).expectBody(String.class).returnResult().getResponseBody();
    assertThat(listing).contains("laptop", secret.substring(0, 10)).doesNotContain(secret, "hash");
  }

  @Test
  void theListShowsEveryTokenOfTheCallerWithoutSecrets() {
    String bearer = newUserToken();

    list(bearer)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.length()")
        .isEqualTo(1)
        .jsonPath("$[0].name")
        .isEqualTo("first")
        .jsonPath("$[0].prefix")
        .isEqualTo(bearer.substring(0, 10))
        .jsonPath("$[0].createdAt")
        .isNotEmpty()
        .jsonPath("$[0].lastUsedAt")
        .isNotEmpty()
        .jsonPath("$[0].revokedAt")
        .isEmpty()
        .jsonPath("$[0].token")
        .doesNotExist();
  }

  @Test
  void aRevokedTokenNoLongerAuthenticates() {
    String bearer = newUserToken();
    String owner = gateway.accounts.authenticateToken(bearer).orElseThrow().id();
    IssuedToken other = gateway.accounts.issueToken(owner, "other");

    client
        .delete()
        .uri("/api/tokens/{id}", other.token().id())
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
        .exchange()
        .expectStatus()
        .isNoContent();

    client
        .get()
        .uri("/api/me")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + other.secret())
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("The API token is unknown or revoked");
    list(bearer).expectBody().jsonPath("$[0].revokedAt").isNotEmpty();
  }

  @Test
  void someoneElsesTokenAndAnUnknownTokenAreNotFoundAndStayValid() {
    String bearer = newUserToken();
    String strangers = newUserToken();
    String strangersId = gateway.accounts.tokens(ownerOf(strangers)).get(0).id();

    for (String id : new String[] {strangersId, "no-such-token"}) {
      client
          .delete()
          .uri("/api/tokens/{id}", id)
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
          .exchange()
          .expectStatus()
          .isNotFound()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(gateway.accounts.authenticateToken(strangers)).isPresent();
  }

  @Test
  void aSessionRequestWithoutTheCsrfHeaderIsForbiddenAndIssuesNothing() {
    Browser browser = new Browser(client);
    browser.signUp(AuthControllerTest.username(), PASSWORD);

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
    browser
        .client
        .get()
        .uri("/api/tokens")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.length()")
        .isEqualTo(0);

    browser
        .client
        .post()
        .uri("/api/tokens")
        .header(Browser.CSRF_HEADER, browser.csrfToken())
        .bodyValue(Map.of("name", "cli"))
        .exchange()
        .expectStatus()
        .isCreated();
  }

  @Test
  void aBlankNameIsABadRequestNamingTheField() {
    client
        .post()
        .uri("/api/tokens")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + newUserToken())
        .bodyValue(Map.of("name", " "))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("name");
  }

  @Test
  void withoutCredentialsTheTokenRoutesAreUnauthorized() {
    client
        .post()
        .uri("/api/tokens")
        .bodyValue(Map.of("name", "x"))
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    client.get().uri("/api/tokens").exchange().expectStatus().isUnauthorized();
    client.delete().uri("/api/tokens/x").exchange().expectStatus().isUnauthorized();
  }

  private WebTestClient.ResponseSpec list(String bearer) {
    return client
        .get()
        .uri("/api/tokens")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
        .exchange();
  }

  /** A new user's first token, named "first". */
  private String newUserToken() {
    String id =
        gateway.accounts.createUser(new NewUser(AuthControllerTest.username(), null, null)).id();
    return gateway.accounts.issueToken(id, "first").secret();
  }

  private String ownerOf(String token) {
    return gateway.accounts.authenticateToken(token).orElseThrow().id();
  }
}
