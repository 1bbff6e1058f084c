package dev.forgeflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forgeflow.agents.FakeModel;
import dev.forgeflow.agents.llm.FakeLlmServer;
import dev.forgeflow.agents.llm.RecordedRequest;
import dev.forgeflow.store.Database;
import dev.forgeflow.store.EmbeddedDatabase;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.Stores;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.Facts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill -9 drill: {@code forgeflow run} on the local dev server with a model over HTTP, killed
 * with SIGKILL at four points of a run — during the Implementer's calls, during the sandbox checks,
 * at the approval gate, during deploy — then {@code forgeflow resume}d. Each run ends approved as
 * an uninterrupted one would; no model request answered before the kill is sent again after it; the
 * journal numbers its events 1..n without a gap and states no fact twice.
 *
 * <p>"Answered before the kill" means the fake server had written the whole answer at least {@link
 * #SAVED_WITHIN} before the SIGKILL: an answer still on its way to the client when the process dies
 * was never received, and asking again is right.
 */
class KillDrillIT {
  private static final String PROMPT =
      "A bookstore API with books (title, author, price: float) and reviews "
          + "(book_id, rating: int, comment)";
  private static final Duration RUN = Duration.ofMinutes(4);
  private static final Duration LATENCY = Duration.ofMillis(1500);
  private static final Duration SAVED_WITHIN = Duration.ofMillis(500);
  private static final Pattern RUN_ID = Pattern.compile("forgeflow · run ([0-9a-f-]{36})");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;
  private FakeLlmServer model;

  @BeforeEach
  void startModel() {
    model = FakeLlmServer.start(new FakeModel(), LATENCY);
  }

  @AfterEach
  void stopModelAndDeployments() throws Exception {
    model.close();
    try (CliProcess cli = CliProcess.start(work, Map.of(), "stop", "bookstore-api")) {
      cli.exitCode(Duration.ofMinutes(1));
    }
  }

  @Test
  void killedDuringImplementerCalls() throws Exception {
    Killed killed =
        runAndKill(
            List.of("run", "--no-deploy", PROMPT),
            cli -> {
              cli.awaitOutput("▸ implementation", RUN);
              int answered = model.completions().size();
              awaitCompletions(answered + 2);
            });
    CliProcess resumed = resume(killed);
    assertThat(resumed.exitCode(RUN)).as(resumed.output()).isZero();
    assertEndedApproved(resumed);
    assertThat(model.requests().size())
        .as("the Implementer's remaining calls are made after the resume")
        .isGreaterThan(killed.requestsBefore());
    assertNoAnsweredRequestRepeated(killed);
    assertJournalGaplessWithoutDuplicates(killed.runId());
  }

  @Test
  void killedDuringChecks() throws Exception {
    Killed killed =
        runAndKill(
            List.of("run", "--no-deploy", PROMPT),
            cli -> {
              cli.awaitOutput("▸ checks", RUN);
              Thread.sleep(3_000); // the check's containers are up
            });
    CliProcess resumed = resume(killed);
    assertThat(resumed.exitCode(RUN)).as(resumed.output()).isZero();
    assertEndedApproved(resumed);
    assertThat(resumed.output()).contains("✓ checks");
    assertNoAnsweredRequestRepeated(killed);
    assertJournalGaplessWithoutDuplicates(killed.runId());
  }

  @Test
  void killedAtTheApprovalGate() throws Exception {
    Killed killed =
        runAndKill(
            List.of("run", "--no-deploy", "--approve-plan", PROMPT),
            cli -> cli.awaitOutput("Approve this plan?", RUN));

    try (CliProcess listing = CliProcess.start(work, Map.of(), "runs")) {
      assertThat(listing.exitCode(Duration.ofMinutes(1))).as(listing.output()).isZero();
      assertThat(listing.output())
          .containsPattern(killed.runId() + " +INTERRUPTED +plan approval +bookstore-api")
          .contains("forgeflow resume <run>");
    }

    CliProcess resumed = resume(killed);
    resumed.awaitOutput("Approve this plan?", RUN);
    resumed.type("");
    assertThat(resumed.exitCode(RUN)).as(resumed.output()).isZero();
    assertThat(resumed.output()).contains("plan approved");
    assertEndedApproved(resumed);
    assertNoAnsweredRequestRepeated(killed);
    assertJournalGaplessWithoutDuplicates(killed.runId());
  }

  @Test
  void killedDuringDeploy() throws Exception {
    Killed killed =
        runAndKill(
            List.of("run", PROMPT),
            cli -> {
              cli.awaitOutput("▸ deploy", RUN);
              Thread.sleep(500);
            });
    CliProcess resumed = resume(killed);
    assertThat(resumed.exitCode(RUN)).as(resumed.output()).isZero();
    assertEndedApproved(resumed);
    assertThat(resumed.output()).containsPattern("deployed +http://127\\.0\\.0\\.1:\\d+");
    assertNoAnsweredRequestRepeated(killed);
    assertJournalGaplessWithoutDuplicates(killed.runId());
  }

  /** What the drill knew at the moment of the kill. */
  private record Killed(
      String runId, Instant at, int requestsBefore, List<FakeLlmServer.Completion> answered) {}

  interface KillPoint {
    void await(CliProcess cli) throws Exception;
  }

  private Killed runAndKill(List<String> args, KillPoint point) throws Exception {
    try (CliProcess cli = CliProcess.start(work, env(), args.toArray(String[]::new))) {
      cli.awaitOutput("forgeflow · run ", RUN);
      Matcher id = RUN_ID.matcher(cli.output());
      assertThat(id.find()).as(cli.output()).isTrue();
      point.await(cli);
      Instant at = Instant.now();
      int requests = model.requests().size();
      List<FakeLlmServer.Completion> answered = model.completions();
      cli.kill9();
      assertThat(cli.output()).doesNotContain("── summary ──");
      return new Killed(id.group(1), at, requests, answered);
    }
  }

  private CliProcess resume(Killed killed) throws Exception {
    CliProcess cli = CliProcess.start(work, env(), "resume", killed.runId());
    resumes.add(cli);
    return cli;
  }

  private final List<CliProcess> resumes = new ArrayList<>();

  @AfterEach
  void closeResumes() {
    resumes.forEach(CliProcess::close);
  }

  private Map<String, String> env() {
    return Map.of(
        "FORGEFLOW_LLM_BASE_URL", model.baseUrl(),
        "FORGEFLOW_LLM_API_KEY", "sk-drill",
        "FORGEFLOW_LLM_MODEL", "fake-model");
  }

  private void awaitCompletions(int count) throws InterruptedException {
    long deadline = System.nanoTime() + RUN.toNanos();
    while (model.completions().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(model.completions()).hasSizeGreaterThanOrEqualTo(count);
  }

  private static void assertEndedApproved(CliProcess resumed) {
    assertThat(resumed.output())
        .contains("resuming run")
        .containsPattern("verdict +APPROVED")
        .contains("── summary ──");
  }

  /** No request the server had answered before the kill reached it again afterwards. */
  private void assertNoAnsweredRequestRepeated(Killed killed) {
    Instant saved = killed.at().minus(SAVED_WITHIN);
    Set<String> answered =
        killed.answered().stream()
            .filter(c -> c.at().isBefore(saved))
            .map(c -> c.request().body())
            .collect(Collectors.toSet());
    assertThat(answered).as("the kill came after some model calls had been answered").isNotEmpty();
    List<RecordedRequest> after =
        model.requests().subList(killed.requestsBefore(), model.requests().size());
    assertThat(after)
        .as("requests answered before the kill and sent again after it")
        .noneMatch(request -> answered.contains(request.body()));
  }

  /**
   * Seq runs 1..n; no two events state the same fact (same type, same payload but attempt; for a
   * fact each attempt states anew, such as streaming progress, same attempt too); and each model
   * purchase has one usage event. Usage events are counted against the purchases rather than
   * compared: two files' calls may well cost the same tokens in the same time.
   */
  private void assertJournalGaplessWithoutDuplicates(String runId) throws Exception {
    List<JournalEvent> events;
    int purchases;
    try (EmbeddedDatabase db = EmbeddedDatabase.start(work.resolve(".forgeflow/postgres"))) {
      Database.migrate(db.dataSource());
      try (Stores stores = Stores.postgres(db.dataSource())) {
        events = stores.journal().readAfter(runId, 0, 100_000);
        purchases = stores.llmCalls().forRun(runId).size();
      }
    }
    assertThat(events).isNotEmpty();
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).seq()).as("seq of event %d", i + 1).isEqualTo(i + 1L);
    }
    Map<String, Integer> facts = new HashMap<>();
    for (JournalEvent event : events) {
      if (event.type().equals(Fact.DeployLog.TYPE) || event.type().equals(Fact.LlmUsage.TYPE)) {
        continue; // the same line logged twice, or two calls of the same cost: two facts each
      }
      JsonNode payload = JSON.readTree(event.payloadJson());
      // a fact an attempt states anew (streaming progress) is one fact per attempt: its attempt
      // stays in the key; any other fact is the same fact whichever attempt stated it
      boolean perAttempt =
          Facts.read(event.type(), event.payloadJson())
              .map(fact -> fact instanceof Fact.ActivityFact activity && activity.perAttempt())
              .orElse(false);
      if (payload instanceof ObjectNode object && !perAttempt) {
        object.remove("attempt");
      }
      facts.merge(event.type() + " " + payload, 1, Integer::sum);
    }
    assertThat(facts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey))
        .as("facts journalled more than once")
        .isEmpty();
    assertThat(events.stream().filter(e -> e.type().equals(Fact.LlmUsage.TYPE)).count())
        .as("usage events, one per model purchase")
        .isEqualTo(purchases)
        .isPositive();
    assertThat(events.get(events.size() - 1).type()).isEqualTo(Fact.RunCompleted.TYPE);
  }
}
