package dev.forgeflow.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forgeflow.gateway.RunningGateway.Owner;
import dev.forgeflow.store.NewRun;
import dev.forgeflow.store.projects.NewDocument;
import dev.forgeflow.store.projects.Project;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every operation of the gateway's own OpenAPI document, so that a route added later is covered
 * without anyone remembering to: with another user's credentials, each one that names an object
 * answers 404 (never 403, never the object) and changes nothing; without credentials, each one but
 * signing in and up answers 401.
 */
class OwnershipIT {

  /** Operations anyone may call: they are how one gets credentials. */
  private static final Set<String> OPEN =
      Set.of("/api/auth/sign-in", "/api/auth/sign-up", "/api/auth/csrf");

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;
  private static RunningGateway gateway;
  private static JsonNode openApi;
  private static Owner ada;
  private static Owner eve;
  private static Map<String, String> adasObjects;

  /** One operation of the document. */
  record Operation(HttpMethod method, String path, JsonNode spec) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start(dataDir);
    openApi =
        gateway
            .testClient
            .get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    ada = gateway.newOwner();
    eve = gateway.newOwner();
    Project project = gateway.stores.projects().create(ada.userId(), "Ada's shop");
    String run =
        gateway.stores.runs().create(new NewRun("books (title)", null, ada.userId(), project.id()));
    String token = gateway.stores.accounts().tokens(ada.userId()).get(0).id();
    String artifact = gateway.stores.artifacts().save(run, "charter", "{\"name\": \"shop\"}");
    String main = gateway.stores.bundles().putBlob("print('shop')\n".getBytes(UTF_8));
    gateway.stores.bundles().createVersion(run, null, Map.of("app/main.py", main));
    String document = "doc_adas_spec";
    gateway
        .stores
        .documents()
        .add(
            document,
            new NewDocument(
                project.id(), "spec.md", "text/markdown", 5, "ab", List.of("books"), 1));
    String webhook =
        gateway
            .stores
            .webhooks()
            .create(project.id(), "https://hooks.example.com/ada")
            .webhook()
            .id();
    adasObjects =
        Map.of(
            "webhook",
            webhook,
            "document",
            document,
            "project",
            project.id(),
            "run",
            run,
            "token",
            token,
            "artifact",
            artifact,
            "version",
            "1",
            "file",
            "app/main.py");
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  static Stream<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = openApi.get("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue()
          .fields()
          .forEachRemaining(
              operation ->
                  operations.add(
                      new Operation(
                          HttpMethod.valueOf(operation.getKey().toUpperCase()),
                          path.getKey(),
                          operation.getValue())));
    }
    return operations.stream();
  }

  static Stream<Operation> operationsOnObjects() {
    return operations().filter(operation -> operation.path().contains("{"));
  }

  static Stream<Operation> operationsNeedingAUser() {
    return operations()
        .filter(operation -> operation.path().startsWith("/api/"))
        .filter(operation -> !OPEN.contains(operation.path()));
  }

  @Test
  void theDocumentListsTheRoutesThatTakeAnObject() {
    assertThat(operationsOnObjects().map(Operation::toString))
        .contains(
            "GET /api/projects/{id}",
            "DELETE /api/projects/{id}",
            "POST /api/projects/{projectId}/runs",
            "GET /api/runs/{id}",
            "GET /api/runs/{id}/events",
            "POST /api/runs/{id}/cancel",
            "GET /api/runs/{id}/artifacts",
            "GET /api/runs/{id}/artifacts/{artifactId}",
            "GET /api/runs/{id}/charter",
            "GET /api/runs/{id}/architecture",
            "GET /api/runs/{id}/architecture/diagram.mmd",
            "GET /api/runs/{id}/versions",
            "GET /api/runs/{id}/versions/{version}/files",
            "GET /api/runs/{id}/versions/{version}/files/{path}",
            "GET /api/runs/{id}/versions/{version}/zip",
            "GET /api/runs/{id}/download",
            "GET /api/runs/{id}/diff",
            "GET /api/projects/{id}/documents",
            "POST /api/projects/{id}/documents",
            "DELETE /api/projects/{id}/documents/{documentId}",
            "GET /api/projects/{id}/webhooks",
            "POST /api/projects/{id}/webhooks",
            "DELETE /api/projects/{id}/webhooks/{webhookId}",
            "GET /api/projects/{id}/webhooks/{webhookId}/deliveries",
            "POST /api/projects/{id}/ask");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operationsOnObjects")
  void anotherUsersObjectIsNotFound(Operation operation) {
    request(operation, eve.token())
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.NOT_FOUND)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    // and it is still there, unchanged, for its owner
    assertThat(gateway.stores.projects().findOwned(ada.userId(), adasObjects.get("project")))
        .isPresent();
    assertThat(
            gateway
                .stores
                .runs()
                .findOwned(ada.userId(), adasObjects.get("run"))
                .orElseThrow()
                .status())
        .isEqualTo("QUEUED");
    assertThat(gateway.pipelines.cancelled).doesNotContain(adasObjects.get("run"));
    assertThat(gateway.stores.webhooks().list(adasObjects.get("project")))
        .extracting(webhook -> webhook.id())
        .containsExactly(adasObjects.get("webhook"));
    assertThat(gateway.pipelines.planDecisions).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operationsNeedingAUser")
  void withoutCredentialsEveryOperationIsUnauthorized(Operation operation) {
    request(operation, null)
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  private static WebTestClient.RequestHeadersSpec<?> request(Operation operation, String token) {
    String uri = uri(operation);
    WebTestClient.RequestBodySpec request = gateway.testClient.method(operation.method()).uri(uri);
    if (token != null) {
      request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    JsonNode body = operation.spec().path("requestBody");
    if (body.isMissingNode()) {
      return request;
    }
    return request.contentType(MediaType.APPLICATION_JSON).bodyValue(example(body));
  }

  /** The operation's path with Ada's objects in it, by what each path variable names. */
  private static String uri(Operation operation) {
    Matcher variable = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(operation.path());
    StringBuilder uri = new StringBuilder();
    while (variable.find()) {
      String object = objectNamed(operation.path(), variable.start(), variable.group(1));
      variable.appendReplacement(uri, Matcher.quoteReplacement(adasObjects.get(object)));
    }
    variable.appendTail(uri);
    return uri.toString();
  }

  private static String objectNamed(String path, int at, String name) {
    String before = path.substring(0, at);
    if (name.equals("projectId") || before.endsWith("/projects/")) {
      return "project";
    }
    if (name.equals("runId") || before.endsWith("/runs/")) {
      return "run";
    }
    if (before.endsWith("/tokens/")) {
      return "token";
    }
    if (name.equals("webhookId")) {
      return "webhook";
    }
    if (name.equals("documentId")) {
      return "document";
    }
    if (name.equals("artifactId")) {
      return "artifact";
    }
    if (name.equals("version")) {
      return "version";
    }
    if (name.equals("path") && before.endsWith("/files/")) {
      return "file";
    }
    return fail(
        "No fixture for {%s} in %s: give this test an object of that kind owned by Ada",
        name, path);
  }

  /** A body the operation accepts: each required or known property with a plausible value. */
  private static JsonNode example(JsonNode requestBody) {
    JsonNode schema = resolve(requestBody.path("content").path("application/json").path("schema"));
    ObjectNode example = JSON.createObjectNode();
    schema
        .path("properties")
        .fields()
        .forEachRemaining(
            property -> {
              JsonNode type = resolve(property.getValue()).path("type");
              switch (type.asText()) {
                case "string" -> example.put(property.getKey(), "a plausible " + property.getKey());
                case "integer" -> example.put(property.getKey(), 1);
                case "number" -> example.put(property.getKey(), 1.0);
                case "boolean" -> example.put(property.getKey(), false);
                default -> {}
              }
            });
    if (schema.path("properties").has("sandbox")) {
      example.put("sandbox", "off");
    }
    return example;
  }

  private static JsonNode resolve(JsonNode schema) {
    JsonNode ref = schema.path("$ref");
    if (ref.isMissingNode()) {
      return schema;
    }
    String name = ref.asText().substring(ref.asText().lastIndexOf('/') + 1);
    return openApi.path("components").path("schemas").path(name);
  }
}
