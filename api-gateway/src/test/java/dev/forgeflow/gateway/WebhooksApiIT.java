package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgeflow.store.webhooks.DeliveryAttempt;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A project's webhooks through the API: the secret is shown once, at creation; URLs that are not
 * http(s), or that name a private address, are refused saying what is expected and change nothing;
 * removal and the delivery log.
 */
class WebhooksApiIT {

  @TempDir static Path dataDir;
  private static RunningGateway gateway;
  private static RunningGateway.Owner owner;

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start(dataDir);
    owner = gateway.newOwner();
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private static String newProject() {
    return gateway.stores.projects().create(owner.userId(), "p-" + System.nanoTime()).id();
  }

  private static WebTestClient.RequestHeadersSpec<?> post(String project, Object body) {
    return gateway
        .testClient
        .post()
        .uri("/api/projects/" + project + "/webhooks")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + owner.token())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body);
  }

  private static JsonNode get(String path) {
    return gateway
        .testClient
        .get()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + owner.token())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  @Test
  void theSecretIsInTheCreateResponseOnlyAndSignsLaterDeliveries() {
    String project = newProject();

    JsonNode created =
        post(project, Map.of("url", "https://hooks.example.com/forgeflow"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueMatches(HttpHeaders.LOCATION, "/api/projects/" + project + "/webhooks/wh_.+")
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();

    String id = created.get("id").asText();
    String secret = created.get("secret").asText();
    assertThat(secret).matches("whsec_[A-Za-z0-9_-]{43}");
    assertThat(created.get("url").asText()).isEqualTo("https://hooks.example.com/forgeflow");
    JsonNode listed = get("/api/projects/" + project + "/webhooks");
    assertThat(listed.get("items")).hasSize(1);
    assertThat(listed.get("items").get(0).get("id").asText()).isEqualTo(id);
    assertThat(listed.toString()).doesNotContain("secret").doesNotContain(secret);
    assertThat(gateway.stores.webhooks().target(id).orElseThrow().secret()).isEqualTo(secret);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "hooks.example.com/forgeflow",
        "ftp://hooks.example.com/",
        "javascript:alert(1)",
        "https://user:password@hooks.example.com/"
      })
  void urlsThatAreNotHttpAreRefusedSayingWhatIsExpected(String url) {
    String project = newProject();

    post(project, Map.of("url", url))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(
            detail ->
                assertThat((String) detail)
                    .contains("an absolute http:// or https:// URL")
                    .doesNotContain("Exception"));
    assertThat(gateway.stores.webhooks().list(project)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:9000/hook",
        "http://10.0.0.8/hook",
        "http://169.254.169.254/latest",
        "http://[::1]/hook"
      })
  void privateAddressesAreRefusedByDefault(String url) {
    String project = newProject();

    post(project, Map.of("url", url))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(
            detail ->
                assertThat((String) detail)
                    .contains("loopback, private, link-local or multicast")
                    .contains("FORGEFLOW_WEBHOOKS_ALLOW_PRIVATE"));
    assertThat(gateway.stores.webhooks().list(project)).isEmpty();
  }

  @Test
  void aBodyWithoutAUrlIsRefused() {
    String project = newProject();

    post(project, Map.of())
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("url is required"));
  }

  @Test
  void aRemovedWebhookIsGoneFromTheListAndItsDeliveries() {
    String project = newProject();
    String id =
        gateway.stores.webhooks().create(project, "https://hooks.example.com/x").webhook().id();
    String path = "/api/projects/" + project + "/webhooks/" + id;

    delete(path).expectStatus().isNoContent();

    delete(path).expectStatus().isNotFound();
    assertThat(get("/api/projects/" + project + "/webhooks").get("items")).isEmpty();
    gateway
        .testClient
        .get()
        .uri(path + "/deliveries")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + owner.token())
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void deliveriesAreListedNewestFirstWithinTheLimit() {
    String project = newProject();
    String id =
        gateway.stores.webhooks().create(project, "https://hooks.example.com/y").webhook().id();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    gateway
        .stores
        .webhooks()
        .log(
            new DeliveryAttempt(
                id, "dlv_1", "run-1", "run.finished", 1, 503, null, 40L, null, now, false));
    gateway
        .stores
        .webhooks()
        .log(
            new DeliveryAttempt(
                id, "dlv_1", "run-1", "run.finished", 2, 204, null, 12L, now, null, true));
    String path = "/api/projects/" + project + "/webhooks/" + id + "/deliveries";

    JsonNode all = get(path);
    assertThat(all.get("items")).hasSize(2);
    assertThat(all.get("items").get(0).get("attempt").asInt()).isEqualTo(2);
    assertThat(all.get("items").get(0).get("statusCode").asInt()).isEqualTo(204);
    assertThat(all.get("items").get(1).get("statusCode").asInt()).isEqualTo(503);
    assertThat(get(path + "?limit=1").get("items")).hasSize(1);
    gateway
        .testClient
        .get()
        .uri(path + "?limit=100000")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + owner.token())
        .exchange()
        .expectStatus()
        .isBadRequest();
  }

  private static WebTestClient.ResponseSpec delete(String path) {
    return gateway
        .testClient
        .delete()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + owner.token())
        .exchange();
  }
}
