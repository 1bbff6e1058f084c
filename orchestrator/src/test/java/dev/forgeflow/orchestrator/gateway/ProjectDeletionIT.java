package dev.forgeflow.orchestrator.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgeflow.orchestrator.OrchestratorApplication;
import dev.forgeflow.orchestrator.config.SandboxChoice;
import dev.forgeflow.orchestrator.runs.Runs;
import dev.forgeflow.sandbox.image.ProjectImages;
import dev.forgeflow.store.RunRecord;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.LocalAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Deleting a project through the API of a real server, on the real Docker engine: its deployed
 * service stops, its images, containers and deployment records are gone, and its open run is
 * cancelled.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
    classes = OrchestratorApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.main.web-application-type=reactive", "server.address=127.0.0.1"})
class ProjectDeletionIT {
  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("forgeflow.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  @Autowired Stores stores;
  @Autowired Runs runs;
  @Autowired SandboxChoice sandbox;

  @Test
  void deletingAProjectStopsItsServiceRemovesItsImagesAndCancelsItsOpenRun() throws Exception {
    assertThat(sandbox.available()).as(sandbox.describe()).isTrue();
    String token = LocalAccount.ensure(dataDir, stores.accounts()).token();
    WebTestClient api =
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(30))
            .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .build();
    String project = created(api, "/api/projects", Map.of("name", "doomed"));

    String deployed =
        created(
            api,
            "/api/projects/" + project + "/runs",
            Map.of("prompt", "A library API with authors (name, born: date)", "sandbox", "deploy"));
    RunRecord done = awaitEnded(deployed, Duration.ofMinutes(5));
    assertThat(done.status()).isEqualTo("SUCCEEDED");
    String url =
        stores.deployments().all().stream()
            .filter(d -> d.runId().equals(deployed))
            .findFirst()
            .orElseThrow()
            .url();
    assertThat(get(url + "/authors")).contains(200);

    String open =
        created(
            api,
            "/api/projects/" + project + "/runs",
            Map.of("prompt", "A notes API with notes (title, body)", "approvalGate", true));

    api.delete().uri("/api/projects/" + project).exchange().expectStatus().isNoContent();

    assertThat(get(url + "/authors")).as("the deployed service no longer answers").isEmpty();
    for (String runId : new String[] {deployed, open}) {
      Map<String, String> label = Map.of(ProjectImages.RUN_LABEL, runId);
      assertThat(sandbox.docker().listImagesCmd().withLabelFilter(label).exec()).isEmpty();
      assertThat(
              sandbox.docker().listContainersCmd().withShowAll(true).withLabelFilter(label).exec())
          .isEmpty();
      api.get().uri("/api/runs/" + runId).exchange().expectStatus().isNotFound();
    }
    assertThat(stores.deployments().all()).noneMatch(d -> d.runId().equals(deployed));
    assertThat(awaitEnded(open, Duration.ofMinutes(1)).status()).isEqualTo("CANCELLED");
    api.get().uri("/api/projects/" + project).exchange().expectStatus().isNotFound();
  }

  private static String created(WebTestClient api, String path, Map<String, Object> body) {
    JsonNode answer =
        api.post()
            .uri(path)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .is2xxSuccessful()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    return answer.get("id").asText();
  }

  private RunRecord awaitEnded(String runId, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      RunRecord run = runs.find(runId).orElseThrow();
      if (java.util.Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(run.status())) {
        return run;
      }
      assertThat(System.nanoTime()).as("run %s ends in time", runId).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private static Optional<Integer> get(String url) throws InterruptedException {
    try {
      return Optional.of(
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(2))
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode());
    } catch (java.io.IOException refused) {
      return Optional.empty();
    }
  }
}
