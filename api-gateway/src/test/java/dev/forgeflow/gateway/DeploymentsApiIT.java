package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.forgeflow.gateway.RunningGateway.Owner;
import dev.forgeflow.store.NewRun;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A run's deployed service over HTTP, with a fake sandbox behind the gateway and a small HTTP
 * server on loopback standing in for the service: deploy, status, stop, logs, and the owner-only
 * proxy with its bounds.
 */
class DeploymentsApiIT {

  @TempDir static Path dataDir;
  private static RunningGateway gateway;
  private static WebTestClient http;
  private static HttpServer service;
  private static final Map<String, String> seenHeaders = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() throws IOException {
    gateway = RunningGateway.start(dataDir);
    http = gateway.testClient;
    service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    service.createContext(
        "/books",
        exchange -> {
          exchange
              .getRequestHeaders()
              .forEach((k, v) -> seenHeaders.put(k.toLowerCase(), v.get(0)));
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          String answer =
              "{\"method\":\""
                  + exchange.getRequestMethod()
                  + "\",\"query\":\""
                  + exchange.getRequestURI().getRawQuery()
                  + "\",\"received\":"
                  + body.length
                  + "}";
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.getResponseHeaders().add("Set-Cookie", "tracker=1");
          exchange.getResponseHeaders().add("X-Service", "books");
          byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(201, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    service.createContext(
        "/slow",
        exchange -> {
          try {
            Thread.sleep(DeploymentProxy.TIMEOUT.toMillis() + 3_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    service.setExecutor(Executors.newCachedThreadPool());
    service.start();
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.stop(0);
    }
    if (gateway != null) {
      gateway.close();
    }
  }

  private static URI serviceUrl() {
    return URI.create("http://127.0.0.1:" + service.getAddress().getPort());
  }

  /** The named events of the run's log stream, read to its end. */
  private static List<ServerSentEvent<String>> logEvents(String run, String query, Owner owner) {
    return gateway
        .client
        .get()
        .uri("/api/runs/{id}/deployment/logs?" + query, run)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + owner.token())
        .accept(MediaType.TEXT_EVENT_STREAM)
        .retrieve()
        .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
        .filter(event -> event.event() != null)
        .collectList()
        .block(RunningGateway.PATIENCE);
  }

  private static String runWithVersion(Owner owner) {
    String run = gateway.stores.runs().create(new NewRun("books (title)", null, owner.userId()));
    String blob =
        gateway.stores.bundles().putBlob("print('hi')\n".getBytes(StandardCharsets.UTF_8));
    gateway.stores.bundles().createVersion(run, null, Map.of("app/main.py", blob));
    return run;
  }

  @Test
  void theLatestVersionIsDeployedAndItsStatusStoppedAndLogsRead() {
    Owner ada = gateway.newOwner();
    String run = runWithVersion(ada);
    String bundle = gateway.stores.bundles().latest(run).orElseThrow().id();
    String auth = "Bearer " + ada.token();

    http.post()
        .uri("/api/runs/{id}/deployment", run)
        .header(HttpHeaders.AUTHORIZATION, auth)
        .exchange()
        .expectStatus()
        .isAccepted()
        .expectBody()
        .jsonPath("$.state")
        .isEqualTo("deploying")
        .jsonPath("$.bundleId")
        .isEqualTo(bundle);
    assertThat(gateway.deployments.deploys).contains(new FakeDeploymentPort.Deploy(run, bundle));

    gateway.deployments.serve(run, serviceUrl(), bundle);
    gateway.deployments.logs.put(run, List.of("starting", "listening on 8000", "GET /docs 200"));
    http.get()
        .uri("/api/runs/{id}/deployment", run)
        .header(HttpHeaders.AUTHORIZATION, auth)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.state")
        .isEqualTo("healthy")
        .jsonPath("$.url")
        .isEqualTo(serviceUrl().toString());

    List<ServerSentEvent<String>> events = logEvents(run, "tail=2", ada);
    assertThat(events)
        .extracting(ServerSentEvent::event, ServerSentEvent::data)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("log", "listening on 8000"),
            org.assertj.core.groups.Tuple.tuple("log", "GET /docs 200"),
            org.assertj.core.groups.Tuple.tuple("end", null));

    http.delete()
        .uri("/api/runs/{id}/deployment", run)
        .header(HttpHeaders.AUTHORIZATION, auth)
        .exchange()
        .expectStatus()
        .isNoContent();
    http.get()
        .uri("/api/runs/{id}/deployment", run)
        .header(HttpHeaders.AUTHORIZATION, auth)
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void theCallersServicesAreListedNewestFirstWithTheirProjectsAndNobodyElses() throws Exception {
    Owner ada = gateway.newOwner();
    Owner bob = gateway.newOwner();
    String shop = gateway.stores.projects().create(ada.userId(), "shop").id();
    String older =
        gateway.stores.runs().create(new NewRun("books (title)", null, ada.userId(), shop));
    gateway.stores.runs().setProjectName(older, "bookshop");
    Thread.sleep(5); // the newer run is created later
    String newer = gateway.stores.runs().create(new NewRun("notes (body)", null, ada.userId()));
    String bobs = gateway.stores.runs().create(new NewRun("pets (name)", null, bob.userId()));
    String notDeployed = gateway.stores.runs().create(new NewRun("x (y)", null, ada.userId()));
    gateway.deployments.serve(older, serviceUrl(), "b1");
    gateway.deployments.serve(newer, serviceUrl(), "b2");
    gateway.deployments.serve(bobs, serviceUrl(), "b3");

    JsonNode list =
        http.get()
            .uri("/api/deployments")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + ada.token())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();

    assertThat(list.path("items").findValuesAsText("runId"))
        .containsExactly(newer, older)
        .doesNotContain(bobs, notDeployed);
    JsonNode shopService = list.path("items").get(1);
    assertThat(shopService.path("projectId").asText()).isEqualTo(shop);
    assertThat(shopService.path("project").asText()).isEqualTo("shop");
    assertThat(shopService.path("service").asText()).isEqualTo("bookshop");
    assertThat(shopService.path("state").asText()).isEqualTo("healthy");
    assertThat(shopService.path("logs").asText())
        .isEqualTo("/api/runs/" + older + "/deployment/logs");
    assertThat(list.path("items").get(0).path("project").isNull()).isTrue();

    http.get().uri("/api/deployments").exchange().expectStatus().isUnauthorized();
  }

  @Test
  void withoutFollowingTheLogAnswersItsTailAndEnds() {
    Owner ada = gateway.newOwner();
    String run = runWithVersion(ada);
    gateway.deployments.serve(run, serviceUrl(), "b");
    gateway.deployments.logs.put(run, List.of("one", "two", "three"));
    gateway.deployments.follows.clear();

    List<ServerSentEvent<String>> events = logEvents(run, "tail=1&follow=false", ada);

    assertThat(events)
        .extracting(ServerSentEvent::event, ServerSentEvent::data)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("log", "three"),
            org.assertj.core.groups.Tuple.tuple("end", null));
    assertThat(gateway.deployments.follows).containsExactly(false);
    http.get()
        .uri("/api/runs/{id}/deployment/logs?follow=sometimes", run)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + ada.token())
        .exchange()
        .expectStatus()
        .isBadRequest();
  }

  @Test
  void aDeployIsRefusedWhileAnotherRunsOrWithoutASandboxOrAVersion() {
    Owner ada = gateway.newOwner();
    String run = runWithVersion(ada);
    String empty = gateway.stores.runs().create(new NewRun("books", null, ada.userId()));
    String auth = "Bearer " + ada.token();
    http.post()
        .uri("/api/runs/{id}/deployment", empty)
        .header(HttpHeaders.AUTHORIZATION, auth)
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.CONFLICT);
    http.post()
        .uri("/api/runs/{id}/deployment", run)
        .header(HttpHeaders.AUTHORIZATION, auth)
        .bodyValue(Map.of("version", 7))
        .exchange()
        .expectStatus()
        .isNotFound();
    gateway.deployments.busy = true;
    try {
      http.post()
          .uri("/api/runs/{id}/deployment", run)
          .header(HttpHeaders.AUTHORIZATION, auth)
          .exchange()
          .expectStatus()
          .isEqualTo(HttpStatus.CONFLICT);
    } finally {
      gateway.deployments.busy = false;
    }
    gateway.deployments.unavailable = "no Docker daemon answers";
    try {
      http.post()
          .uri("/api/runs/{id}/deployment", run)
          .header(HttpHeaders.AUTHORIZATION, auth)
          .exchange()
          .expectStatus()
          .isEqualTo(HttpStatus.CONFLICT)
          .expectBody()
          .jsonPath("$.detail")
          .value(detail -> assertThat((String) detail).contains("no Docker daemon"));
    } finally {
      gateway.deployments.unavailable = null;
    }
  }

  @Test
  void theProxyForwardsToTheServiceWithoutTheCallersCredentialsAndSandboxesTheAnswer() {
    Owner ada = gateway.newOwner();
    String run = runWithVersion(ada);
    gateway.deployments.serve(run, serviceUrl(), "b");
    seenHeaders.clear();

    JsonNode answer =
        http.post()
            .uri(
                URI.create(
                    gateway.base + "/api/runs/" + run + "/deployment/proxy/books?sort=title&x=%2F"))
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + ada.token())
            .header(HttpHeaders.COOKIE, "forgeflow_session=secret")
            .header("X-Custom", "kept")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"title\":\"Dune\"}")
            .exchange()
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals("X-Service", "books")
            .expectHeader()
            .doesNotExist(HttpHeaders.SET_COOKIE)
            .expectHeader()
            .value("Content-Security-Policy", csp -> assertThat(csp).startsWith("sandbox"))
            .expectHeader()
            .valueEquals("X-Content-Type-Options", "nosniff")
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();

    assertThat(answer.path("method").asText()).isEqualTo("POST");
    assertThat(answer.path("query").asText()).isEqualTo("sort=title&x=%2F");
    assertThat(answer.path("received").asInt()).isEqualTo(16);
    assertThat(seenHeaders).containsEntry("x-custom", "kept");
    assertThat(seenHeaders).doesNotContainKeys("authorization", "cookie");
  }

  @Test
  void theProxyBoundsTheBodyAndTheWaitAndNeedsAHealthyService() {
    Owner ada = gateway.newOwner();
    String run = runWithVersion(ada);
    String auth = "Bearer " + ada.token();
    http.get()
        .uri("/api/runs/{id}/deployment/proxy/books", run)
        .header(HttpHeaders.AUTHORIZATION, auth)
        .exchange()
        .expectStatus()
        .isNotFound();

    gateway.deployments.serve(run, serviceUrl(), "b");
    http.post()
        .uri("/api/runs/{id}/deployment/proxy/books", run)
        .header(HttpHeaders.AUTHORIZATION, auth)
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .bodyValue(new byte[DeploymentProxy.MAX_REQUEST_BYTES + 1])
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    http.mutate()
        .responseTimeout(DeploymentProxy.TIMEOUT.plusSeconds(20))
        .build()
        .get()
        .uri("/api/runs/{id}/deployment/proxy/slow", run)
        .header(HttpHeaders.AUTHORIZATION, auth)
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);

    gateway.deployments.serve(run, URI.create("http://127.0.0.1:1"), "b");
    http.get()
        .uri("/api/runs/{id}/deployment/proxy/books", run)
        .header(HttpHeaders.AUTHORIZATION, auth)
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.BAD_GATEWAY);
  }
}
