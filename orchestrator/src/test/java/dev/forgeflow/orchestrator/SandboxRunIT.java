package dev.forgeflow.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.orchestrator.config.SandboxChoice;
import dev.forgeflow.orchestrator.runs.Launch;
import dev.forgeflow.orchestrator.runs.RunRequest;
import dev.forgeflow.orchestrator.runs.Runs;
import dev.forgeflow.sandbox.deploy.Deployments;
import dev.forgeflow.sandbox.deploy.EgressRules;
import dev.forgeflow.sandbox.image.ProjectImages;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.workflows.pipeline.PipelineOptions;
import dev.forgeflow.workflows.pipeline.SandboxMode;
import dev.forgeflow.workflows.pipeline.Stage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The offline pipeline with the sandbox on the real Docker engine (started by scripts/test, base
 * image named by FORGEFLOW_SANDBOX_BASE_IMAGE): every round's bundle is built and checked.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = OrchestratorApplication.class)
class SandboxRunIT {
  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("forgeflow.data-dir", () -> dataDir.toString());
  }

  @Autowired Runs runs;
  @Autowired SandboxChoice sandbox;

  @Test
  void offlineRunIsCheckedInTheSandboxAndApprovedOnlyOnceItsTestsPass() {
    assertThat(sandbox.available()).as(sandbox.describe()).isTrue();
    String runId =
        ((Launch.Started)
                runs.launch(
                    new RunRequest(
                        "An inventory API with products (name, sku, price: float, stock: int)",
                        PipelineOptions.defaults().withSandbox(SandboxMode.CHECK))))
            .runId();

    List<JournalEvent> events = RunEnds.followToEnd(runs, runId, Duration.ofMinutes(5));

    JournalEvent report =
        events.stream().filter(e -> e.type().equals("test.report")).findFirst().orElseThrow();
    assertThat(report.payloadJson()).containsPattern("\"passed\": ?true");
    assertThat(events.get(events.size() - 1).payloadJson())
        .containsPattern("\"outcome\": ?\"APPROVED\"");
  }

  @Test
  void deployedServiceAnswersAndItsLogIsFollowedIntoTheRunsJournal() throws Exception {
    String runId =
        ((Launch.Started)
                runs.launch(
                    new RunRequest(
                        "A library API with authors (name, born: date)",
                        PipelineOptions.defaults().withSandbox(SandboxMode.DEPLOY))))
            .runId();
    List<JournalEvent> events = RunEnds.followToEnd(runs, runId, Duration.ofMinutes(5));
    String url =
        events.stream()
            .filter(e -> e.type().equals("deploy.ready"))
            .findFirst()
            .map(e -> e.payloadJson().replaceAll(".*\"url\": ?\"([^\"]+)\".*", "$1"))
            .orElseThrow();
    try {
      HttpResponse<String> authors =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url + "/authors")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(authors.statusCode()).isEqualTo(200);

      long seq = events.get(events.size() - 1).seq();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      boolean logged = false;
      while (!logged && System.nanoTime() < deadline) {
        for (JournalEvent event : runs.awaitEvents(runId, seq, Duration.ofSeconds(1))) {
          seq = event.seq();
          logged |= event.type().equals("deploy.log") && event.payloadJson().contains("/authors");
        }
      }
      assertThat(logged).as("a deploy.log event with the request to /authors").isTrue();
    } finally {
      new Deployments(sandbox.docker(), new EgressRules()).stop("library-api");
    }
  }

  @Test
  void cancellingARunDuringItsChecksRemovesTheImagesAndContainersItCreated() throws Exception {
    assertThat(sandbox.available()).as(sandbox.describe()).isTrue();
    String runId =
        ((Launch.Started)
                runs.launch(
                    new RunRequest(
                        "A notes API with notes (title, body)",
                        PipelineOptions.defaults().withSandbox(SandboxMode.DEPLOY))))
            .runId();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (runs.state(runId).stage() != Stage.CHECKS && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(runs.state(runId).stage()).isEqualTo(Stage.CHECKS);

    runs.cancel(runId);

    List<JournalEvent> events = RunEnds.followToEnd(runs, runId, Duration.ofMinutes(5));
    assertThat(events.get(events.size() - 1).type()).isEqualTo("run.cancelled");
    Map<String, String> label = Map.of(ProjectImages.RUN_LABEL, runId);
    assertThat(sandbox.docker().listImagesCmd().withLabelFilter(label).exec()).isEmpty();
    assertThat(sandbox.docker().listContainersCmd().withShowAll(true).withLabelFilter(label).exec())
        .isEmpty();
  }
}
