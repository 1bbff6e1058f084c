package dev.forgeflow.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.gateway.Browser;
import dev.forgeflow.gateway.InMemoryGateway;
import dev.forgeflow.store.accounts.NewUser;
import dev.forgeflow.store.accounts.User;
import java.time.Duration;
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
class MeControllerTest {

  @Autowired private WebTestClient client;
  @Autowired private InMemoryGateway gateway;

  @AfterEach
  void everyAccountsCallRanOnTheBlockingScheduler() {
    assertThat(gateway.takeAccountsThreads())
        .allSatisfy(thread -> assertThat(thread).startsWith(InMemoryGateway.BLOCKING_THREADS));
  }

  @Test
  void theCallerIsTheUserOfTheBearerTokenOrOfTheSession() {
    User user = newUser();
    String token = gateway.accounts.issueToken(user.id(), "t").secret();
    String session = gateway.accounts.createSession(user.id(), Duration.ofHours(1)).id();

    me().header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.id")
        .isEqualTo(user.id())
        .jsonPath("$.username")
        .isEqualTo(user.username());
    me().cookie(Browser.SESSION, session)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.id")
        .isEqualTo(user.id());
  }

  @Test
  void aBearerTokenIsJudgedAloneWhateverCookiesComeWithIt() {
    User user = newUser();
    String session = gateway.accounts.createSession(user.id(), Duration.ofHours(1)).id();

    me().header(HttpHeaders.AUTHORIZATION, "Bearer ffp_unknown")
        .cookie(Browser.SESSION, session)
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void noCredentialsAnUnknownSessionAndAnEndedSessionAreUnauthorizedProblems() {
    User user = newUser();
    String ended = gateway.accounts.createSession(user.id(), Duration.ofHours(1)).id();
    gateway.accounts.revokeSession(ended);

    me().exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(401);
    for (String session : new String[] {"no-such-session", ended}) {
      me().cookie(Browser.SESSION, session)
          .exchange()
          .expectStatus()
          .isUnauthorized()
          .expectBody()
          .jsonPath("$.detail")
          .isEqualTo("The session has ended: sign in again");
    }
  }

  @Test
  void healthAndTheCsrfRouteNeedNoCredentials() {
    client.get().uri("/actuator/health").exchange().expectStatus().isOk();
    client.get().uri("/api/auth/csrf").exchange().expectStatus().isOk();
  }

  private WebTestClient.RequestHeadersSpec<?> me() {
    return client.get().uri("/api/me");
  }

  private User newUser() {
    return gateway.accounts.createUser(new NewUser(AuthControllerTest.username(), null, null));
  }
}
