package dev.forgeflow.orchestrator.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgeflow.agents.retrieval.Pdfs;
import dev.forgeflow.agents.retrieval.Retrieval;
import dev.forgeflow.orchestrator.OrchestratorApplication;
import dev.forgeflow.orchestrator.runs.Runs;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.RunRecord;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.LocalAccount;
import dev.forgeflow.store.accounts.NewUser;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Retrieval through the API of a real server whose vector store is a real Chroma server (started by
 * the test script, reached through a forwarder the test can take down): documents are attached,
 * refused when bad, listed and removed; the offline planner builds the service an attached spec
 * describes; questions about the code are answered with file, lines and score; and a Chroma that
 * goes down makes a run wait, naming its URL, and resume when it is back.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
    classes = OrchestratorApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.main.web-application-type=reactive",
      "server.address=127.0.0.1",
      "forgeflow.sandbox=off"
    })
class RetrievalApiIT {
  static final String SPEC =
      """
      # Clinic scheduling

      The clinic wants a small service to keep track of who comes in and when.

      ## Resources

      - patients: name, email, born: date
      - appointments: patient_id, starts_at: datetime, notes, confirmed: bool

      Appointments always belong to a patient.
      """;
  static final String PROMPT = "Build the API described in the attached spec.";

  @TempDir static Path dataDir;
  static final Forwarder chroma = new Forwarder(chromaAddress());

  static InetSocketAddress chromaAddress() {
    String url = System.getenv("FORGEFLOW_IT_CHROMA_URL");
    assertThat(url)
        .as("FORGEFLOW_IT_CHROMA_URL must name a Chroma server: run ./scripts/test")
        .isNotBlank();
    URI uri = URI.create(url);
    return new InetSocketAddress(uri.getHost(), uri.getPort());
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    chroma.up();
    registry.add("forgeflow.data-dir", () -> dataDir.toString());
    registry.add("forgeflow.chroma-url", chroma::url);
  }

  @AfterAll
  static void stopForwarder() throws Exception {
    chroma.close();
  }

  @LocalServerPort int port;
  @Autowired Stores stores;
  @Autowired Runs runs;
  @Autowired Retrieval retrieval;

  private WebTestClient api(String token) {
    return WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + port)
        .responseTimeout(Duration.ofSeconds(60))
        .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .build();
  }

  private WebTestClient owner() {
    return api(LocalAccount.ensure(dataDir, stores.accounts()).token());
  }

  @Test
  void documentsAreAttachedListedAndRemovedAndBadOnesAreRefusedChangingNothing() {
    WebTestClient api = owner();
    String project = created(api, "/api/projects", Map.of("name", "docs"));
    String documents = "/api/projects/" + project + "/documents";

    JsonNode spec = upload(api, documents, "spec.md", SPEC.getBytes(StandardCharsets.UTF_8), 201);
    assertThat(spec.get("name").asText()).isEqualTo("spec.md");
    assertThat(spec.get("mediaType").asText()).isEqualTo("text/markdown");
    assertThat(spec.get("chunks").asInt()).isPositive();
    JsonNode pdf =
        upload(
            api,
            documents,
            "rules.pdf",
            Pdfs.pages(List.of(List.of("Appointments last 30 minutes."), List.of("Page two."))),
            201);
    assertThat(pdf.get("pages").asInt()).isEqualTo(2);

    assertThat(detail(upload(api, documents, "big.txt", new byte[6 * 1024 * 1024], 413)))
        .contains("at most 5242880 bytes");
    assertThat(detail(upload(api, documents, "empty.md", new byte[0], 400))).contains("is empty");
    assertThat(detail(upload(api, documents, "spec.md", new byte[] {(byte) 0xff, 0, 1, 2}, 400)))
        .contains("cannot be read as text");
    assertThat(
            detail(
                upload(
                    api,
                    documents,
                    "locked.pdf",
                    Pdfs.pages(List.of(List.of("secret")), "pw"),
                    400)))
        .contains("encrypted PDF");
    assertThat(detail(upload(api, documents, "photo.png", new byte[] {1, 2, 3}, 415)))
        .contains(".txt, .md or .pdf");
    api.post()
        .uri(documents)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("file", "x"))
        .exchange()
        .expectStatus()
        .isEqualTo(415);

    assertThat(names(api, documents)).containsExactly("rules.pdf", "spec.md");

    api.delete()
        .uri(documents + "/" + pdf.get("id").asText())
        .exchange()
        .expectStatus()
        .isNoContent();
    api.delete()
        .uri(documents + "/" + pdf.get("id").asText())
        .exchange()
        .expectStatus()
        .isNotFound();
    assertThat(names(api, documents)).containsExactly("spec.md");

    String other = stores.accounts().createUser(new NewUser("someone-else", null, null)).id();
    String otherToken = stores.accounts().issueToken(other, "it").secret();
    api(otherToken).get().uri(documents).exchange().expectStatus().isNotFound();
    upload(api(otherToken), documents, "spec.md", SPEC.getBytes(StandardCharsets.UTF_8), 404);

    String specId = spec.get("id").asText();
    assertThat(retrieval.documentIndexed(project, specId)).isTrue();
    api.delete().uri("/api/projects/" + project).exchange().expectStatus().isNoContent();
    assertThat(retrieval.documentIndexed(project, specId))
        .as("a deleted project's passages leave the vector store")
        .isFalse();
  }

  @Test
  void theOfflinePlannerBuildsWhatTheAttachedSpecDescribesAndItsCodeAnswersQuestions()
      throws Exception {
    WebTestClient api = owner();
    String project = created(api, "/api/projects", Map.of("name", "clinic"));
    upload(
        api,
        "/api/projects/" + project + "/documents",
        "spec.md",
        SPEC.getBytes(StandardCharsets.UTF_8),
        201);
    api.post()
        .uri("/api/projects/" + project + "/ask")
        .bodyValue(Map.of("question", "where are patients stored?"))
        .exchange()
        .expectStatus()
        .isEqualTo(409);

    String runId =
        created(
            api, "/api/projects/" + project + "/runs", Map.of("prompt", PROMPT, "sandbox", "off"));
    RunRecord run = awaitEnded(runId, Duration.ofMinutes(3));
    assertThat(run.status()).isEqualTo("SUCCEEDED");
    assertThat(run.projectName()).isNotBlank();
    assertThat(types(runId))
        .contains("retrieval.done", "retrieval.indexed")
        .doesNotContain("retrieval.unavailable");
    String charter = stores.artifacts().latest(runId, "charter").orElseThrow().json();
    assertThat(charter).contains("\"patients\"").contains("\"appointments\"");

    JsonNode answer =
        api.post()
            .uri("/api/projects/" + project + "/ask")
            .bodyValue(Map.of("question", "where is an appointment's patient checked?"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    assertThat(answer.get("planner").asText()).isEqualTo("offline");
    assertThat(answer.get("answer").isNull()).isTrue();
    assertThat(answer.get("runId").asText()).isEqualTo(runId);
    assertThat(answer.get("sources")).isNotEmpty();
    JsonNode best = answer.get("sources").get(0);
    assertThat(best.get("path").asText()).isNotBlank();
    assertThat(best.get("startLine").asInt()).isPositive();
    assertThat(best.get("endLine").asInt()).isGreaterThanOrEqualTo(best.get("startLine").asInt());
    assertThat(best.get("score").asDouble()).isBetween(0.0, 1.0);
    assertThat(answer.get("sources").findValuesAsText("path"))
        .anyMatch(path -> path.contains("appointments"));

    api.post()
        .uri("/api/projects/" + project + "/ask")
        .bodyValue(Map.of("question", " "))
        .exchange()
        .expectStatus()
        .isBadRequest();
    api.post()
        .uri("/api/projects/" + project + "/ask")
        .bodyValue(Map.of("question", "why?", "runId", runId, "version", 99))
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void aChromaThatIsDownMakesTheRunWaitNamingItsUrlAndResumeWhenItIsBack() throws Exception {
    WebTestClient api = owner();
    String project = created(api, "/api/projects", Map.of("name", "outage"));
    upload(
        api,
        "/api/projects/" + project + "/documents",
        "spec.md",
        SPEC.getBytes(StandardCharsets.UTF_8),
        201);
    chroma.down();
    try {
      JsonNode refused =
          upload(api, "/api/projects/" + project + "/documents", "more.md", "x: y".getBytes(), 503);
      assertThat(detail(refused)).startsWith("Chroma at " + chroma.url() + " is not answering");
      assertThat(names(api, "/api/projects/" + project + "/documents")).containsExactly("spec.md");

      String runId =
          created(
              api,
              "/api/projects/" + project + "/runs",
              Map.of("prompt", PROMPT, "sandbox", "off"));
      JournalEvent waiting = awaitEvent(runId, "retrieval.unavailable", Duration.ofMinutes(1));
      assertThat(waiting.payloadJson()).contains("Chroma at " + chroma.url()).contains("retrying");
      Thread.sleep(3_000);
      assertThat(runs.find(runId).orElseThrow().status()).isEqualTo("RUNNING");
      assertThat(types(runId)).doesNotContain("artifact.charter");

      chroma.up();
      RunRecord run = awaitEnded(runId, Duration.ofMinutes(3));
      assertThat(run.status()).isEqualTo("SUCCEEDED");
      assertThat(stores.artifacts().latest(runId, "charter").orElseThrow().json())
          .contains("\"appointments\"");
    } finally {
      chroma.up();
    }
  }

  private static JsonNode upload(
      WebTestClient api, String path, String name, byte[] content, int status) {
    MultipartBodyBuilder form = new MultipartBodyBuilder();
    form.part(
            "file",
            new ByteArrayResource(content) {
              @Override
              public String getFilename() {
                return name;
              }
            })
        .contentType(MediaType.APPLICATION_OCTET_STREAM);
    return api.post()
        .uri(path)
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(BodyInserters.fromMultipartData(form.build()))
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  private static String detail(JsonNode problem) {
    return problem.get("detail").asText();
  }

  private static List<String> names(WebTestClient api, String path) {
    JsonNode list =
        api.get()
            .uri(path)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    return list.get("items").findValuesAsText("name");
  }

  private static String created(WebTestClient api, String path, Map<String, Object> body) {
    return api.post()
        .uri(path)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .is2xxSuccessful()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody()
        .get("id")
        .asText();
  }

  private List<String> types(String runId) {
    return stores.journal().readAfter(runId, 0, 10_000).stream().map(JournalEvent::type).toList();
  }

  private JournalEvent awaitEvent(String runId, String type, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      for (JournalEvent event : stores.journal().readAfter(runId, 0, 10_000)) {
        if (event.type().equals(type)) {
          return event;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no " + type + " in run " + runId + " within " + within);
  }

  private RunRecord awaitEnded(String runId, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      RunRecord run = runs.find(runId).orElseThrow();
      if (Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(run.status())) {
        return run;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("run " + runId + " still " + run.status() + " after " + within);
      }
      Thread.sleep(250);
    }
  }
}
