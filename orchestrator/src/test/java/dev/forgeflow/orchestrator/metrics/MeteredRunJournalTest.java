package dev.forgeflow.orchestrator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeflow.store.InMemoryStores;
import dev.forgeflow.store.NewRun;
import dev.forgeflow.store.RunStore;
import dev.forgeflow.store.Stores;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.Facts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MeteredRunJournalTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Stores stores = InMemoryStores.create();
  private final RunStore runs = stores.runs();
  private final MeteredRunJournal journal = new MeteredRunJournal(stores.journal(), registry);
  private final String runId = runs.create(new NewRun("a bookstore", "{}"));

  private long append(Fact fact, String factKey) {
    return journal.append(runId, fact.eventType(), Facts.json(fact), 1, factKey);
  }

  @Test
  void runsStartedAndFinishedAreCountedByOutcome() {
    append(new Fact.RunStarted(false, 3), "run.started");
    append(completed("APPROVED"), Fact.RunEnding.FACT_KEY);
    String failedRun = runs.create(new NewRun("another", "{}"));
    journal.append(
        failedRun,
        Fact.RunFailed.TYPE,
        Facts.json(new Fact.RunFailed("CHECKS", 1, "DockerUnavailable", "no daemon")),
        1,
        Fact.RunEnding.FACT_KEY);

    assertThat(registry.get(RunMeters.RUNS_STARTED).counter().count()).isEqualTo(1);
    assertThat(registry.get(RunMeters.RUNS_FINISHED).tag("outcome", "APPROVED").counter().count())
        .isEqualTo(1);
    assertThat(registry.get(RunMeters.RUNS_FINISHED).tag("outcome", "FAILED").counter().count())
        .isEqualTo(1);
  }

  @Test
  void aRestatedFactIsCountedOnce() {
    long first = append(new Fact.RunStarted(false, 3), "run.started");
    long again = append(new Fact.RunStarted(false, 3), "run.started");

    assertThat(again).isEqualTo(first);
    assertThat(registry.get(RunMeters.RUNS_STARTED).counter().count()).isEqualTo(1);
    assertThat(registry.get(MeteredRunJournal.APPEND).tag("type", "run.started").timer().count())
        .isEqualTo(2);
  }

  @Test
  void stageDurationsAreTimedByStage() {
    append(new Fact.StageCompleted("REQUIREMENTS", 0, 1_500), null);
    append(new Fact.StageCompleted("REQUIREMENTS", 0, 500), null);
    append(new Fact.StageCompleted("IMPLEMENTATION", 0, 4_000), null);

    var requirements = registry.get(RunMeters.STAGE_DURATION).tag("stage", "REQUIREMENTS").timer();
    assertThat(requirements.count()).isEqualTo(2);
    assertThat(requirements.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2_000);
    assertThat(
            registry
                .get(RunMeters.STAGE_DURATION)
                .tag("stage", "IMPLEMENTATION")
                .timer()
                .max(TimeUnit.MILLISECONDS))
        .isEqualTo(4_000);
  }

  @Test
  void modelTokensAndCostAreCountedByAgentAndModel() {
    append(new Fact.LlmUsage("reviewer", "gpt-4o-mini", 1_200, 300, 0.0125, 900), "a/llm.usage/1");
    append(new Fact.LlmUsage("reviewer", "gpt-4o-mini", 800, 100, 0.0075, 700), "a/llm.usage/2");

    assertThat(tokens("input")).isEqualTo(2_000);
    assertThat(tokens("output")).isEqualTo(400);
    assertThat(
            registry
                .get(RunMeters.LLM_COST)
                .tags("agent", "reviewer", "model", "gpt-4o-mini")
                .counter()
                .count())
        .isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void everyAppendIsTimedByTypeAndAFailedOneAsAnError() {
    append(new Fact.StageStarted("REQUIREMENTS", 0), null);

    assertThatThrownBy(() -> journal.append("no-such-run", "stage.started", "{}", 1, null))
        .isInstanceOf(NoSuchElementException.class);

    assertThat(
            registry
                .get(MeteredRunJournal.APPEND)
                .tags("type", "stage.started", "outcome", "ok")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get(MeteredRunJournal.APPEND)
                .tags("type", "stage.started", "outcome", "error")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void anUnmeasuredFactIsOnlyTimed() {
    append(new Fact.StageStarted("REQUIREMENTS", 0), null);

    assertThat(registry.find(RunMeters.RUNS_STARTED).counter()).isNull();
    assertThat(registry.find(RunMeters.STAGE_DURATION).timer()).isNull();
    assertThat(journal.readAfter(runId, 0, 10)).hasSize(1);
  }

  private double tokens(String direction) {
    return registry
        .get(RunMeters.LLM_TOKENS)
        .tags("agent", "reviewer", "model", "gpt-4o-mini", "direction", direction)
        .counter()
        .count();
  }

  static Fact.RunCompleted completed(String outcome) {
    return new Fact.RunCompleted(
        outcome, "approved", 1, 4, 1, "b1", null, "bookstore-api", 0, 10, 5, 0.0, 60_000);
  }
}
