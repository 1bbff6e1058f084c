package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgeflow.gateway.RunningGateway.Owner;
import dev.forgeflow.workflows.pipeline.Awaiting;
import dev.forgeflow.workflows.pipeline.BudgetDecision;
import dev.forgeflow.workflows.pipeline.PlanDecision;
import dev.forgeflow.workflows.pipeline.SandboxMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Projects and runs over HTTP, on the gateway over an embedded PostgreSQL with a fake of the
 * workflows behind it: what a client sends, what it gets back, what the store keeps, and what the
 * gateway asks the workflows to do.
 */
class RunsApiIT {

  @TempDir static Path dataDir;
  private static RunningGateway gateway;
  private static WebTestClient http;
  private static WebClient client;

  @BeforeAll
  static void startGateway() {
    gateway =
        RunningGateway.start(
            dataDir,
            "forgeflow.gateway.runs-per-minute=12",
            "forgeflow.gateway.questions-per-minute=3");
    http = gateway.testClient;
    client = gateway.client;
  }

  @AfterAll
  static void stopGateway() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private static String project(Owner owner, String name) {
    return http.post()
        .uri("/api/projects")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + owner.token())
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

  private static WebTestClient.ResponseSpec createRun(
      Owner owner, String projectId, String key, Object body) {
    WebTestClient.RequestBodySpec request =
        http.post()
            .uri("/api/projects/{id}/runs", projectId)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + owner.token());
    if (key != null) {
      request = request.header("Idempotency-Key", key);
    }
    return request.bodyValue(body).exchange();
  }

  private static String runIn(Owner owner, String projectId) {
    return createRun(owner, projectId, null, Map.of("prompt", "books (title, author)"))
        .expectStatus()
        .isAccepted()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody()
        .get("id")
        .asText();
  }

  @Test
  void aProjectIsCreatedListedReadRenamedAndDeleted() {
    Owner ada = gateway.newOwner();
    String auth = "Bearer " + ada.token();
    http.post()
        .uri("/api/projects")
        .header(HttpHeaders.AUTHORIZATION, auth)
        .bodyValue(Map.of("name", "Shop"))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectHeader()
        .value(HttpHeaders.LOCATION, location -> assertThat(location).startsWith("/api/projects/"))
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("Shop");
    String id = gateway.stores.projects().findNamed(ada.userId(), "shop").orElseThrow().id();

    http.post()
        .uri("/api/projects")
        .header(HttpHeaders.AUTHORIZATION, auth)
        .bodyValue(Map.of("name", "SHOP"))
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.CONFLICT)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    http.get()
        .uri("/api/projects")
        .header(HttpHeaders.AUTHORIZATION, auth)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items[0].id")
        .isEqualTo(id)
        .jsonPath("$.items.length()")
        .isEqualTo(1);
    http.patch()
        .uri("/api/projects/{id}", id)
        .header(HttpHeaders.AUTHORIZATION, auth)
        .bodyValue(Map.of("name", "Bookshop"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("Bookshop");
    String open = runIn(ada, id);

    http.delete()
        .uri("/api/projects/{id}", id)
        .header(HttpHeaders.AUTHORIZATION, auth)
        .exchange()
        .expectStatus()
        .isNoContent();

    assertThat(gateway.pipelines.retired).containsEntry(id, List.of(open));
    http.get()
        .uri("/api/projects/{id}", id)
        .header(HttpHeaders.AUTHORIZATION, auth)
        .exchange()
        .expectStatus()
        .isNotFound();
    http.get()
        .uri("/api/runs/{id}", open)
        .header(HttpHeaders.AUTHORIZATION, auth)
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void aBadProjectNameIsABadRequestNamingTheField() {
    Owner ada = gateway.newOwner();
    http.post()
        .uri("/api/projects")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + ada.token())
        .bodyValue(Map.of("name", "x".repeat(101)))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("name"));
    for (Object notAName : List.of(false, 12, 1.5, List.of("x"), Map.of("x", 1))) {
      http.post()
          .uri("/api/projects")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + ada.token())
          .bodyValue(Map.of("name", notAName))
          .exchange()
          .expectStatus()
          .isBadRequest()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(gateway.stores.projects().listOwned(ada.userId(), 10, 0)).isEmpty();
  }

  @Test
  void aRunIsStoredStartedForItsOwnerAndReadWithItsWorkflowsState() {
    Owner ada = gateway.newOwner();
    String projectId = project(ada, "Library");

    JsonNode created =
        createRun(
                ada,
                projectId,
                null,
                Map.of(
                    "prompt",
                    "books (title, author)",
                    "approvalGate",
                    true,
                    "maxReviewRounds",
                    2,
                    "sandbox",
                    "check"))
            .expectStatus()
            .isAccepted()
            .expectHeader()
            .value(HttpHeaders.LOCATION, location -> assertThat(location).startsWith("/api/runs/"))
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    String runId = created.get("id").asText();

    assertThat(created.get("status").asText()).isEqualTo("QUEUED");
    assertThat(created.get("projectId").asText()).isEqualTo(projectId);
    assertThat(created.get("events").asText()).isEqualTo("/api/runs/" + runId + "/events");
    FakePipelines.Start start =
        gateway.pipelines.starts.stream()
            .filter(s -> s.runId().equals(runId))
            .findFirst()
            .orElseThrow();
    String username = gateway.stores.accounts().findUser(ada.userId()).orElseThrow().username();
    assertThat(start.ownerName()).isEqualTo(username);
    assertThat(start.options().approvalGate()).isTrue();
    assertThat(start.options().maxReviewRounds()).isEqualTo(2);
    assertThat(start.options().sandbox()).isEqualTo(SandboxMode.CHECK);
    assertThat(gateway.stores.runs().findOwned(ada.userId(), runId).orElseThrow().projectId())
        .isEqualTo(projectId);

    gateway.pipelines.await(runId, Awaiting.PLAN_APPROVAL);
    http.get()
        .uri("/api/runs/{id}", runId)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + ada.token())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.prompt")
        .isEqualTo("books (title, author)")
        .jsonPath("$.options.maxReviewRounds")
        .isEqualTo(2)
        .jsonPath("$.state.awaiting")
        .isEqualTo("PLAN_APPROVAL")
        .jsonPath("$.offlinePlanner")
        .isEqualTo(true);
  }

  @Test
  void withoutDockerTheServerAdmitsARunWithoutSandboxSteps() {
    Owner ada = gateway.newOwner();
    String projectId = project(ada, "No docker");
    gateway.pipelines.dockerAvailable = false;
    try {
      String runId = runIn(ada, projectId);
      assertThat(
              gateway.pipelines.starts.stream()
                  .filter(s -> s.runId().equals(runId))
                  .findFirst()
                  .orElseThrow()
                  .options()
                  .sandbox())
          .isEqualTo(SandboxMode.OFF);
    } finally {
      gateway.pipelines.dockerAvailable = true;
    }
  }

  @Test
  void aRunThatCannotStartFailsAndTheClientIsToldWithoutAStackTrace() {
    Owner ada = gateway.newOwner();
    String projectId = project(ada, "Unstarted");
    gateway.pipelines.startFails = true;
    try {
      createRun(ada, projectId, null, Map.of("prompt", "books (title)"))
          .expectStatus()
          .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
          .expectHeader()
          .exists(HttpHeaders.RETRY_AFTER)
          .expectBody()
          .jsonPath("$.detail")
          .value(detail -> assertThat((String) detail).doesNotContain("Exception"));
    } finally {
      gateway.pipelines.startFails = false;
    }
    assertThat(gateway.stores.runs().recentOwned(ada.userId(), 10))
        .extracting(run -> run.status())
        .containsExactly("FAILED");
  }

  @Test
  void theSameIdempotencyKeyAndRequestReturnTheSameRunAnotherRequestIsAConflict() {
    Owner ada = gateway.newOwner();
    String projectId = project(ada, "Idempotent");
    Map<String, Object> body = Map.of("prompt", "books (title)", "maxReviewRounds", 2);

    String first =
        createRun(ada, projectId, "k-1", body)
            .expectStatus()
            .isAccepted()
            .expectHeader()
            .valueEquals("Idempotent-Replayed", "false")
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody()
            .get("id")
            .asText();
    createRun(ada, projectId, "k-1", body)
        .expectStatus()
        .isAccepted()
        .expectHeader()
        .valueEquals("Idempotent-Replayed", "true")
        .expectBody()
        .jsonPath("$.id")
        .isEqualTo(first);
    createRun(ada, projectId, "k-1", Map.of("prompt", "books (title)", "maxReviewRounds", 3))
        .expectStatus()
        .isEqualTo(HttpStatus.CONFLICT)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains(first));

    assertThat(gateway.stores.runs().recentOwned(ada.userId(), 10)).hasSize(1);
    assertThat(gateway.pipelines.starts.stream().filter(s -> s.runId().equals(first))).hasSize(1);
  }

  @Test
  void concurrentCreatesWithOneKeyMakeOneRun() throws Exception {
    Owner ada = gateway.newOwner();
    String projectId = project(ada, "Concurrent");
    List<CompletableFuture<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      answers.add(
          client
              .post()
              .uri("/api/projects/{id}/runs", projectId)
              .header(HttpHeaders.AUTHORIZATION, "Bearer " + ada.token())
              .header("Idempotency-Key", "same")
              .bodyValue(Map.of("prompt", "books (title)"))
              .retrieve()
              .toEntity(JsonNode.class)
              .toFuture());
    }
    List<String> ids = new ArrayList<>();
    for (CompletableFuture<ResponseEntity<JsonNode>> answer : answers) {
      ResponseEntity<JsonNode> response = answer.get(30, TimeUnit.SECONDS);
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
      ids.add(response.getBody().get("id").asText());
    }
    assertThat(ids).containsOnly(ids.get(0));
    assertThat(gateway.stores.runs().recentOwned(ada.userId(), 10)).hasSize(1);
  }

  @Test
  void badRunRequestsAreProblemsAndStoreNothing() {
    Owner ada = gateway.newOwner();
    String projectId = project(ada, "Bad input");
    createRun(ada, projectId, null, Map.of("prompt", "x".repeat(20_001)))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("prompt"));
    createRun(ada, projectId, null, Map.of("prompt", "a\u0000b")).expectStatus().isBadRequest();
    createRun(ada, projectId, null, Map.of("prompt", "books", "sandbox", "everywhere"))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("sandbox"));
    createRun(ada, projectId, null, Map.of("prompt", "books", "maxReviewRounds", 0))
        .expectStatus()
        .isBadRequest();
    createRun(ada, projectId, null, Map.of("prompt", 12)).expectStatus().isBadRequest();
    createRun(ada, projectId, null, Map.of("prompt", "books", "maxReviewRounds", "2"))
        .expectStatus()
        .isBadRequest();
    createRun(ada, projectId, null, Map.of("prompt", "books", "maxReviewRounds", 1.5))
        .expectStatus()
        .isBadRequest();
    createRun(ada, projectId, null, Map.of("prompt", "books", "approvalGate", "yes"))
        .expectStatus()
        .isBadRequest();
    createRun(ada, projectId, null, Map.of("prompt", " "))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("empty"));
    http.post()
        .uri("/api/projects/{id}/runs", projectId)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + ada.token())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"prompt\": ")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(
            detail ->
                assertThat((String) detail).doesNotContain("at com.").doesNotContain("Exception"));
    createRun(ada, "no-such-project", null, Map.of("prompt", "books (title)"))
        .expectStatus()
        .isNotFound();
    assertThat(gateway.stores.runs().recentOwned(ada.userId(), 10)).isEmpty();
  }

  @Test
  void runCreationIsRateLimitedPerUserWithRetryAfter() {
    Owner ada = gateway.newOwner();
    Owner bob = gateway.newOwner();
    String adas = project(ada, "Many");
    for (int i = 0; i < 12; i++) {
      runIn(ada, adas);
    }
    createRun(ada, adas, null, Map.of("prompt", "books (title)"))
        .expectStatus()
        .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
        .expectHeader()
        .value(
            HttpHeaders.RETRY_AFTER,
            seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
    assertThat(gateway.stores.runs().recentOwned(ada.userId(), 100)).hasSize(12);
    runIn(bob, project(bob, "Mine"));
  }

  @Test
  void questionsAboutCodeAreRateLimitedPerUserWithRetryAfter() {
    Owner ada = gateway.newOwner();
    Owner bob = gateway.newOwner();
    String adas = project(ada, "Curious");
    for (int i = 0; i < 3; i++) {
      ask(ada, adas).expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }
    ask(ada, adas)
        .expectStatus()
        .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
        .expectHeader()
        .value(
            HttpHeaders.RETRY_AFTER,
            seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60))
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("At most 3 questions a minute; try again shortly");
    // another user's allowance is their own, and asking takes nothing from creating runs
    ask(bob, project(bob, "Also curious")).expectStatus().isEqualTo(HttpStatus.CONFLICT);
    runIn(ada, adas);
  }

  private static WebTestClient.ResponseSpec ask(Owner owner, String projectId) {
    return http.post()
        .uri("/api/projects/{id}/ask", projectId)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + owner.token())
        .bodyValue(Map.of("question", "where is the price validated?"))
        .exchange();
  }

  @Test
  void runsAreListedNewestFirstPageByPageAndByProjectAndStatus() {
    Owner ada = gateway.newOwner();
    String one = project(ada, "One");
    String two = project(ada, "Two");
    List<String> newestFirst = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      newestFirst.add(0, runIn(ada, i % 2 == 0 ? one : two));
    }
    gateway.stores.runs().setStatus(newestFirst.get(1), "SUCCEEDED");

    List<String> all = new ArrayList<>();
    String after = null;
    do {
      String cursor = after;
      JsonNode page =
          http.get()
              .uri(
                  builder -> {
                    builder.path("/api/runs").queryParam("limit", 2);
                    if (cursor != null) {
                      builder.queryParam("after", cursor);
                    }
                    return builder.build();
                  })
              .header(HttpHeaders.AUTHORIZATION, "Bearer " + ada.token())
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(JsonNode.class)
              .returnResult()
              .getResponseBody();
      page.get("items").forEach(run -> all.add(run.get("id").asText()));
      after = page.hasNonNull("next") ? page.get("next").asText() : null;
    } while (after != null);
    assertThat(all).isEqualTo(newestFirst);

    http.get()
        .uri("/api/runs?project={p}", one)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + ada.token())
        .exchange()
        .expectBody()
        .jsonPath("$.items.length()")
        .isEqualTo(3);
    http.get()
        .uri("/api/runs?status=SUCCEEDED")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + ada.token())
        .exchange()
        .expectBody()
        .jsonPath("$.items[0].id")
        .isEqualTo(newestFirst.get(1))
        .jsonPath("$.items.length()")
        .isEqualTo(1);
    http.get()
        .uri("/api/runs?status=WHATEVER")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + ada.token())
        .exchange()
        .expectStatus()
        .isBadRequest();
    http.get()
        .uri("/api/runs?after=garbage")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + ada.token())
        .exchange()
        .expectStatus()
        .isBadRequest();
  }

  @Test
  void aPlanIsApprovedOrChangedOnlyWhileTheRunWaitsForIt() {
    Owner ada = gateway.newOwner();
    String runId = runIn(ada, project(ada, "Gate"));
    String auth = "Bearer " + ada.token();

    http.post()
        .uri("/api/runs/{id}/approve", runId)
        .header(HttpHeaders.AUTHORIZATION, auth)
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.CONFLICT)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("the run is not waiting for plan approval");

    gateway.pipelines.await(runId, Awaiting.PLAN_APPROVAL);
    http.post()
        .uri("/api/runs/{id}/request-changes", runId)
        .header(HttpHeaders.AUTHORIZATION, auth)
        .bodyValue(Map.of("feedback", " "))
        .exchange()
        .expectStatus()
        .isBadRequest();
    http.post()
        .uri("/api/runs/{id}/request-changes", runId)
        .header(HttpHeaders.AUTHORIZATION, auth)
        .bodyValue(Map.of("feedback", "add a rating to books"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.awaiting")
        .isEqualTo("NOTHING");
    assertThat(gateway.pipelines.planDecisions)
        .contains(PlanDecision.changes("add a rating to books"));

    gateway.pipelines.await(runId, Awaiting.PLAN_APPROVAL);
    http.post()
        .uri("/api/runs/{id}/approve", runId)
        .header(HttpHeaders.AUTHORIZATION, auth)
        .exchange()
        .expectStatus()
        .isOk();
    assertThat(gateway.pipelines.planDecisions).contains(PlanDecision.approved());
  }

  @Test
  void aBudgetIsRaisedOnlyWhileTheRunIsPausedByIt() {
    Owner ada = gateway.newOwner();
    String runId = runIn(ada, project(ada, "Budget"));
    String auth = "Bearer " + ada.token();
    Map<String, Object> raise = Map.of("budgetTokens", 50_000, "budgetUsd", 2.5);

    http.post()
        .uri("/api/runs/{id}/budget", runId)
        .header(HttpHeaders.AUTHORIZATION, auth)
        .bodyValue(raise)
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.CONFLICT);
    gateway.pipelines.await(runId, Awaiting.BUDGET_DECISION);
    http.post()
        .uri("/api/runs/{id}/budget", runId)
        .header(HttpHeaders.AUTHORIZATION, auth)
        .bodyValue(Map.of("budgetTokens", -1))
        .exchange()
        .expectStatus()
        .isBadRequest();
    http.post()
        .uri("/api/runs/{id}/budget", runId)
        .header(HttpHeaders.AUTHORIZATION, auth)
        .bodyValue(raise)
        .exchange()
        .expectStatus()
        .isOk();
    assertThat(gateway.pipelines.budgetDecisions)
        .containsExactly(BudgetDecision.raiseTo(50_000, 2.5));
  }

  @Test
  void anOpenRunIsCancelledAnEndedOneIsAConflict() {
    Owner ada = gateway.newOwner();
    String projectId = project(ada, "Cancel");
    String open = runIn(ada, projectId);
    String ended = runIn(ada, projectId);
    gateway.stores.runs().setStatus(ended, "SUCCEEDED");

    http.post()
        .uri("/api/runs/{id}/cancel", open)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + ada.token())
        .exchange()
        .expectStatus()
        .isAccepted();
    http.post()
        .uri("/api/runs/{id}/cancel", ended)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + ada.token())
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(gateway.pipelines.cancelled).contains(open).doesNotContain(ended);
  }
}
