package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgeflow.gateway.RunningGateway.Owner;
import dev.forgeflow.store.NewRun;
import dev.forgeflow.workflows.pipeline.Awaiting;
import dev.forgeflow.workflows.pipeline.PlanDecision;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * Every audited action performed over HTTP on the real gateway and PostgreSQL, then read back from
 * {@code GET /api/audit}; and what one user can never see or cause in another's trail.
 */
class AuditIT {

  private static final String PASSWORD = "correct horse battery";

  @TempDir static Path dataDir;
  private static RunningGateway gateway;
  private static WebTestClient http;

  @BeforeAll
  static void startGateway() {
    gateway = RunningGateway.start(dataDir);
    http = gateway.testClient;
  }

  @AfterAll
  static void stopGateway() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private static String bearer(Owner owner) {
    return "Bearer " + owner.token();
  }

  private static JsonNode trail(Owner owner, String query) {
    return http.get()
        .uri("/api/audit" + query)
        .header(HttpHeaders.AUTHORIZATION, bearer(owner))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  private static List<String> actions(JsonNode page) {
    return StreamSupport.stream(page.get("items").spliterator(), false)
        .map(item -> item.get("action").asText())
        .toList();
  }

  private static String project(Owner owner, String name) {
    return http.post()
        .uri("/api/projects")
        .header(HttpHeaders.AUTHORIZATION, bearer(owner))
        .bodyValue(Map.of("name", name))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody()
        .get("id")
        .asText();
  }

  private static WebTestClient.ResponseSpec createRun(Owner owner, String projectId, String key) {
    WebTestClient.RequestBodySpec request =
        http.post()
            .uri("/api/projects/{id}/runs", projectId)
            .header(HttpHeaders.AUTHORIZATION, bearer(owner));
    if (key != null) {
      request = request.header("Idempotency-Key", key);
    }
    return request.bodyValue(Map.of("prompt", "books (title, author)")).exchange();
  }

  private static String runIn(Owner owner, String projectId) {
    return createRun(owner, projectId, null)
        .expectStatus()
        .isAccepted()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody()
        .get("id")
        .asText();
  }

  private static String username() {
    return "user-" + UUID.randomUUID().toString().substring(0, 8);
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

  @Test
  void signInsAndRefusedSignInsAreRecordedWithTheAddressTheyCameFrom() {
    String name = username();
    Browser browser = new Browser(http);
    browser.signUp(name, PASSWORD);
    Browser stranger = new Browser(http);
    signIn(stranger, name, "not the password").expectStatus().isUnauthorized();
    signIn(stranger, name + "@example.com", PASSWORD).expectStatus().isOk();

    JsonNode page =
        browser
            .client
            .get()
            .uri("/api/audit")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();

    assertThat(actions(page))
        .containsExactly("session.signed_in", "session.refused", "session.signed_in");
    JsonNode items = page.get("items");
    assertThat(items.get(0).get("detail").get("via").asText()).isEqualTo("password");
    assertThat(items.get(1).get("detail").get("login").asText()).isEqualTo(name);
    assertThat(items.get(2).get("detail").get("via").asText()).isEqualTo("sign-up");
    assertThat(items)
        .allSatisfy(
            item -> {
              assertThat(item.get("clientAddress").asText()).isEqualTo("127.0.0.1");
              assertThat(item.get("you").asBoolean()).isTrue();
              assertThat(item.toString()).doesNotContain(PASSWORD);
            });
  }

  @Test
  void aRefusedSignInOfAnUnknownNameIsKeptWithoutAnActorAndShownToNoOne() throws SQLException {
    String unknown = username();
    signIn(new Browser(http), unknown, PASSWORD).expectStatus().isUnauthorized();

    try (Connection connection = gateway.dataSource().getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT actor_id, action FROM audit_events WHERE detail ->> 'login' = ?")) {
      query.setString(1, unknown);
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString("actor_id")).isNull();
        assertThat(row.getString("action")).isEqualTo("session.refused");
        assertThat(row.next()).isFalse();
      }
    }
    assertThat(trail(gateway.newOwner(), "").get("items")).isEmpty();
  }

  @Test
  void aTokenIsRecordedWhenCreatedAndOnceWhenRevokedNeverWithItsSecret() {
    Owner ada = gateway.newOwner();
    JsonNode issued =
        http.post()
            .uri("/api/tokens")
            .header(HttpHeaders.AUTHORIZATION, bearer(ada))
            .bodyValue(Map.of("name", "laptop"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    String tokenId = issued.get("id").asText();
    for (int i = 0; i < 2; i++) {
      http.delete()
          .uri("/api/tokens/{id}", tokenId)
          .header(HttpHeaders.AUTHORIZATION, bearer(ada))
          .exchange()
          .expectStatus()
          .isNoContent();
    }

    JsonNode page = trail(ada, "");
    assertThat(actions(page)).containsExactly("token.revoked", "token.created");
    for (JsonNode item : page.get("items")) {
      assertThat(item.get("subjectType").asText()).isEqualTo("token");
      assertThat(item.get("subjectId").asText()).isEqualTo(tokenId);
      assertThat(item.get("detail").get("name").asText()).isEqualTo("laptop");
      assertThat(item.toString()).doesNotContain(issued.get("token").asText());
    }
  }

  @Test
  void runsCreatedApprovedAndCancelledAreRecordedInTheirProjectAndReadPageByPage() {
    Owner ada = gateway.newOwner();
    String shop = project(ada, "Shop");
    createRun(ada, shop, "once").expectStatus().isAccepted();
    String run =
        createRun(ada, shop, "once")
            .expectStatus()
            .isAccepted()
            .expectHeader()
            .valueEquals("Idempotent-Replayed", "true")
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody()
            .get("id")
            .asText();
    gateway.pipelines.await(run, Awaiting.PLAN_APPROVAL);
    http.post()
        .uri("/api/runs/{id}/approve", run)
        .header(HttpHeaders.AUTHORIZATION, bearer(ada))
        .exchange()
        .expectStatus()
        .isOk();
    http.post()
        .uri("/api/runs/{id}/approve", run)
        .header(HttpHeaders.AUTHORIZATION, bearer(ada))
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.CONFLICT);
    http.post()
        .uri("/api/runs/{id}/cancel", run)
        .header(HttpHeaders.AUTHORIZATION, bearer(ada))
        .exchange()
        .expectStatus()
        .isAccepted();

    JsonNode all = trail(ada, "?projectId=" + shop);
    assertThat(actions(all)).containsExactly("run.cancelled", "run.approved", "run.created");
    assertThat(all.get("items"))
        .allSatisfy(
            item -> {
              assertThat(item.get("subjectType").asText()).isEqualTo("run");
              assertThat(item.get("subjectId").asText()).isEqualTo(run);
              assertThat(item.get("projectId").asText()).isEqualTo(shop);
              assertThat(item.get("subjectFound").asBoolean()).isTrue();
            });
    assertThat(all.get("items").get(2).get("detail").get("prompt").asText())
        .isEqualTo("books (title, author)");

    JsonNode first = trail(ada, "?limit=2");
    assertThat(actions(first)).containsExactly("run.cancelled", "run.approved");
    JsonNode second = trail(ada, "?limit=2&before=" + first.get("next").asText());
    assertThat(actions(second)).containsExactly("run.created");
    assertThat(second.has("next")).isFalse();
    assertThat(actions(trail(ada, "?action=run.approved"))).containsExactly("run.approved");
  }

  @Test
  void aDecisionIsRecordedEvenWhenTheClientGoesAwayBeforeItsAnswer() throws InterruptedException {
    Owner ada = gateway.newOwner();
    String run = runIn(ada, project(ada, "Impatient"));
    gateway.pipelines.await(run, Awaiting.PLAN_APPROVAL);
    gateway.pipelines.decisionAnswerMillis = 1_500;
    try {
      gateway
          .client
          .post()
          .uri("/api/runs/{id}/approve", run)
          .header(HttpHeaders.AUTHORIZATION, bearer(ada))
          .retrieve()
          .toBodilessEntity()
          .timeout(Duration.ofMillis(300))
          .onErrorResume(TimeoutException.class, gaveUp -> Mono.empty())
          .block();
      assertThat(gateway.pipelines.planDecisions).contains(PlanDecision.approved());

      List<String> recorded = actions(trail(ada, ""));
      for (int i = 0; i < 100 && !recorded.contains("run.approved"); i++) {
        Thread.sleep(100);
        recorded = actions(trail(ada, ""));
      }
      assertThat(recorded).containsExactly("run.approved", "run.created");
    } finally {
      gateway.pipelines.decisionAnswerMillis = 0;
    }
  }

  @Test
  void aRunThatFailsToStartIsRecordedAsCreatedAllTheSame() {
    Owner ada = gateway.newOwner();
    String shop = project(ada, "Unlucky");
    gateway.pipelines.startFails = true;
    try {
      createRun(ada, shop, null).expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    } finally {
      gateway.pipelines.startFails = false;
    }

    assertThat(actions(trail(ada, ""))).containsExactly("run.created");
  }

  @Test
  void deploymentsStartedAndStoppedAreRecorded() {
    Owner ada = gateway.newOwner();
    String run = gateway.stores.runs().create(new NewRun("books (title)", null, ada.userId()));
    String blob =
        gateway.stores.bundles().putBlob("print('hi')\n".getBytes(StandardCharsets.UTF_8));
    gateway.stores.bundles().createVersion(run, null, Map.of("app/main.py", blob));
    String bundle = gateway.stores.bundles().latest(run).orElseThrow().id();

    http.post()
        .uri("/api/runs/{id}/deployment", run)
        .header(HttpHeaders.AUTHORIZATION, bearer(ada))
        .exchange()
        .expectStatus()
        .isAccepted();
    for (HttpStatus expected : List.of(HttpStatus.NO_CONTENT, HttpStatus.NOT_FOUND)) {
      http.delete()
          .uri("/api/runs/{id}/deployment", run)
          .header(HttpHeaders.AUTHORIZATION, bearer(ada))
          .exchange()
          .expectStatus()
          .isEqualTo(expected);
    }

    JsonNode page = trail(ada, "");
    assertThat(actions(page)).containsExactly("deployment.stopped", "deployment.started");
    JsonNode started = page.get("items").get(1);
    assertThat(started.get("subjectId").asText()).isEqualTo(run);
    assertThat(started.get("detail").get("version").asText()).isEqualTo("1");
    assertThat(started.get("detail").get("bundleId").asText()).isEqualTo(bundle);
  }

  @Test
  void aDeletedProjectIsRecordedAndItsEventsOutliveIt() {
    Owner ada = gateway.newOwner();
    String shop = project(ada, "Doomed");
    runIn(ada, shop);
    http.delete()
        .uri("/api/projects/{id}", shop)
        .header(HttpHeaders.AUTHORIZATION, bearer(ada))
        .exchange()
        .expectStatus()
        .isNoContent();

    JsonNode page = trail(ada, "?projectId=" + shop);
    assertThat(actions(page)).containsExactly("project.deleted", "run.created");
    JsonNode deleted = page.get("items").get(0);
    assertThat(deleted.get("detail").get("name").asText()).isEqualTo("Doomed");
    assertThat(deleted.get("detail").get("runs").asText()).isEqualTo("1");
    assertThat(page.get("items"))
        .allSatisfy(item -> assertThat(item.get("subjectFound").asBoolean()).isFalse());
  }

  @Test
  void oneUserNeverSeesAnothersEventsAndTheirRefusedAttemptsRecordNothing() {
    Owner ada = gateway.newOwner();
    Owner eve = gateway.newOwner();
    String shop = project(ada, "Private");
    String run = runIn(ada, shop);
    String token =
        http.post()
            .uri("/api/tokens")
            .header(HttpHeaders.AUTHORIZATION, bearer(ada))
            .bodyValue(Map.of("name", "desk"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody()
            .get("id")
            .asText();
    gateway.pipelines.await(run, Awaiting.PLAN_APPROVAL);
    List<String> before = actions(trail(ada, ""));

    List<WebTestClient.RequestHeadersSpec<?>> attempts = new ArrayList<>();
    attempts.add(http.post().uri("/api/runs/{id}/cancel", run));
    attempts.add(http.post().uri("/api/runs/{id}/approve", run));
    attempts.add(http.post().uri("/api/runs/{id}/deployment", run));
    attempts.add(http.delete().uri("/api/runs/{id}/deployment", run));
    attempts.add(http.delete().uri("/api/projects/{id}", shop));
    attempts.add(http.delete().uri("/api/tokens/{id}", token));
    for (WebTestClient.RequestHeadersSpec<?> attempt : attempts) {
      attempt.header(HttpHeaders.AUTHORIZATION, bearer(eve)).exchange().expectStatus().isNotFound();
    }

    assertThat(trail(eve, "").get("items")).isEmpty();
    assertThat(trail(eve, "?projectId=" + shop).get("items")).isEmpty();
    assertThat(trail(eve, "?action=run.created").get("items")).isEmpty();
    assertThat(actions(trail(ada, ""))).isEqualTo(before).contains("run.created", "token.created");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "?limit=0",
        "?limit=201",
        "?limit=many",
        "?before=abc",
        "?before=-4",
        "?action=run.exploded",
        "?projectId=ppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppp"
      })
  void badParametersAreAProblem(String query) {
    http.get()
        .uri("/api/audit" + query)
        .header(HttpHeaders.AUTHORIZATION, bearer(gateway.newOwner()))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void theTrailNeedsCredentials() {
    http.get().uri("/api/audit").exchange().expectStatus().isUnauthorized();
  }
}
