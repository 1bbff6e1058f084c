package dev.forgeflow.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.gateway.Browser;
import dev.forgeflow.gateway.HeapCopyingConnector;
import dev.forgeflow.gateway.InMemoryGateway;
import dev.forgeflow.store.audit.AuditAction;
import dev.forgeflow.store.audit.AuditEvent;
import dev.forgeflow.store.audit.AuditQuery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Behind a reverse proxy the operator trusts, the client is the address the proxy forwarded: two
 * people behind one proxy have their own sign-in allowances, and the audit trail names each.
 */
@SpringBootTest(
    classes = InMemoryGateway.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "forgeflow.gateway.sign-in-attempts=2",
      "forgeflow.gateway.sign-in-window=10m",
      "forgeflow.gateway.trusted-proxies=10.9.0.0/16, 127.0.0.1"
    })
class ForwardedClientTest {

  private static final String PASSWORD = "correct horse battery";
  private static final String GUESSER = "203.0.113.7";
  private static final String OTHER = "198.51.100.9";

  @Autowired private WebTestClient client;
  @Autowired private InMemoryGateway gateway;

  @BeforeEach
  void bodiesOnTheHeap() {
    client = HeapCopyingConnector.onHeap(client);
  }

  @Test
  void aGuesserBehindTheProxyUsesUpOnlyTheirOwnAddresssAllowance() {
    String victim = AuthControllerTest.username();
    String other = AuthControllerTest.username();
    new Browser(client).signUp(victim, PASSWORD);
    new Browser(client).signUp(other, PASSWORD);

    Browser guesser = new Browser(client);
    for (int i = 0; i < 2; i++) {
      signIn(guesser, GUESSER + ", 10.9.0.4", victim, "wrong password")
          .expectStatus()
          .isUnauthorized();
    }
    // the guesser's address has no attempt left, whatever the login
    signIn(guesser, GUESSER, other, PASSWORD).expectStatus().isEqualTo(429);

    // someone else behind the same proxy signs in, and is recorded at their own address
    assertThat(signedInFrom(OTHER, other)).contains(OTHER);
  }

  @Test
  void aForwardedAddressNamingAHostIsNotBelievedOrLookedUp() {
    String name = AuthControllerTest.username();
    new Browser(client).signUp(name, PASSWORD);

    // the walk stops at the last trusted hop
    assertThat(signedInFrom("client.example, 10.9.0.4", name)).first().isEqualTo("10.9.0.4");
  }

  /** Signs {@code login} in through the proxy; the addresses of its sign-ins, newest first. */
  private List<String> signedInFrom(String forwardedFor, String login) {
    String id =
        signIn(new Browser(client), forwardedFor, login, PASSWORD)
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id")
            .toString();
    return gateway
        .audit
        .trailOf(new AuditQuery(id, AuditAction.SIGNED_IN, null, null, 10))
        .events()
        .stream()
        .map(AuditEvent::clientAddress)
        .toList();
  }

  private static WebTestClient.ResponseSpec signIn(
      Browser browser, String forwardedFor, String login, String password) {
    return browser
        .client
        .post()
        .uri("/api/auth/sign-in")
        .header(Browser.CSRF_HEADER, browser.csrfToken())
        .header("X-Forwarded-For", forwardedFor)
        .bodyValue(Map.of("login", login, "password", password))
        .exchange();
  }
}
