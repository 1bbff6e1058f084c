package dev.forgeflow.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.orchestrator.runs.Launch;
import dev.forgeflow.orchestrator.runs.RunRequest;
import dev.forgeflow.orchestrator.runs.Runs;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.workflows.pipeline.PipelineOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole embedded stack: embedded PostgreSQL, in-process Temporal, offline planner. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = OrchestratorApplication.class)
class OfflineRunIT {
  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("forgeflow.data-dir", () -> dataDir.toString());
  }

  @org.springframework.beans.factory.annotation.Autowired Runs runs;

  @Test
  void offlineRunEndsApprovedWithAGaplessJournalAndAStoredBundle() {
    Launch launch =
        runs.launch(
            new RunRequest(
                "A bookstore API with books (title, author, price: float) and reviews "
                    + "(book_id, rating: int, comment)",
                PipelineOptions.defaults()));
    String runId = ((Launch.Started) launch).runId();

    List<JournalEvent> events = RunEnds.followToEnd(runs, runId, Duration.ofMinutes(2));

    assertThat(events)
        .extracting(JournalEvent::seq)
        .containsExactlyElementsOf(
            java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toList());
    assertThat(events.get(events.size() - 1).type()).isEqualTo("run.completed");
    assertThat(events.get(events.size() - 1).payloadJson())
        .containsPattern("\"outcome\": ?\"APPROVED\"");
    assertThat(events)
        .extracting(JournalEvent::type)
        .contains("artifact.charter", "artifact.architecture", "code.file", "review.report");
    assertThat(runs.find(runId).orElseThrow().status()).isEqualTo("SUCCEEDED");
    assertThat(runs.find(runId).orElseThrow().projectName()).isEqualTo("bookstore-api");
    var bundle = runs.stores().bundles().latest(runId).orElseThrow();
    assertThat(runs.stores().bundles().files(bundle.id()))
        .containsKeys(
            "app/main.py", "app/models.py", "app/routers/books.py", "app/routers/reviews.py");
  }

  @Test
  void emptyAndOversizedPromptsAreRefusedAndCreateNoRun() {
    int before = runs.stores().runs().recent(1000).size();

    Launch empty = runs.launch(new RunRequest("   ", PipelineOptions.defaults()));
    Launch huge =
        runs.launch(
            new RunRequest(
                "x".repeat(RunRequest.MAX_PROMPT_CHARS + 1), PipelineOptions.defaults()));

    assertThat(empty)
        .isInstanceOfSatisfying(
            Launch.Refused.class, r -> assertThat(r.reason()).contains("empty"));
    assertThat(huge)
        .isInstanceOfSatisfying(
            Launch.Refused.class, r -> assertThat(r.reason()).contains("20000"));
    assertThat(runs.stores().runs().recent(1000)).hasSize(before);
  }

  @Test
  void unreadablePromptFailsTheRunWithTheOfflinePlannersExplanation() {
    String runId =
        ((Launch.Started)
                runs.launch(new RunRequest("make me something cool", PipelineOptions.defaults())))
            .runId();

    List<JournalEvent> events = RunEnds.followToEnd(runs, runId, Duration.ofMinutes(2));

    JournalEvent last = events.get(events.size() - 1);
    assertThat(last.type()).isEqualTo("run.failed");
    assertThat(last.payloadJson())
        .contains("PromptNotUnderstood")
        .contains("FORGEFLOW_LLM_BASE_URL");
    assertThat(runs.find(runId).orElseThrow().status()).isEqualTo("FAILED");
  }
}
