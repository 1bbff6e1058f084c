package dev.forgeflow.workflows.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalEntryTest {
  private static final ActivityAttempt FIRST = new ActivityAttempt("12", 1);
  private static final ActivityAttempt RETRY = new ActivityAttempt("12", 3);

  @Test
  void aFactARetryRestatesKeepsItsKeyAcrossAttempts() {
    Fact.CodeFile file = new Fact.CodeFile("app/main.py", "ab", 2, "CREATE", 0);

    JournalEntry first = JournalEntry.ofActivity(file, FIRST, "");
    JournalEntry retried = JournalEntry.ofActivity(file, RETRY, "");

    assertThat(first.factKey()).isEqualTo("12/code.file/app/main.py");
    assertThat(retried.factKey()).isEqualTo(first.factKey());
    assertThat(retried.attempt()).isEqualTo(3);
    assertThat(retried.payloadJson()).contains("\"attempt\":3");
  }

  @Test
  void aFactOfEachAttemptIsKeyedByItsAttempt() {
    Fact.CodeProgress progress = new Fact.CodeProgress("app/main.py", 120);

    assertThat(JournalEntry.ofActivity(progress, FIRST, "").factKey())
        .isEqualTo("12/code.progress/app/main.py/120/attempt-1");
    assertThat(JournalEntry.ofActivity(progress, RETRY, "").factKey())
        .isEqualTo("12/code.progress/app/main.py/120/attempt-3");
    Fact.DeployFailed failed = new Fact.DeployFailed("shop", "b1", "unhealthy");
    assertThat(JournalEntry.ofActivity(failed, RETRY, "").factKey())
        .isEqualTo("12/deploy.failed/attempt-3");
  }

  @Test
  void anIdentityTellsFactsOfOneActivityApartByDigest() {
    Fact.LlmUsage usage = new Fact.LlmUsage("architecture", "m", 10, 5, 0.01, 300);

    String first = JournalEntry.ofActivity(usage, FIRST, "request one").factKey();
    String repair = JournalEntry.ofActivity(usage, FIRST, "request two").factKey();
    String restated = JournalEntry.ofActivity(usage, RETRY, "request one").factKey();

    assertThat(first).startsWith("12/llm.usage/sha256:").isNotEqualTo(repair);
    assertThat(restated).isEqualTo(first);
  }

  @Test
  void aLongSubjectIsKeyedByItsDigest() {
    String path = "app/" + "x".repeat(500) + ".py";

    String key =
        JournalEntry.ofActivity(new Fact.CodeRejected(path, "long", 0), FIRST, "").factKey();

    assertThat(key).startsWith("12/code.rejected/sha256:").hasSizeLessThan(100);
  }

  @Test
  void outsideAnActivityThereIsNoKey() {
    JournalEntry entry = JournalEntry.ofActivity(new Fact.CodeFile("a.py", "ab", 2, "CREATE", 0));

    assertThat(entry.factKey()).isNull();
    assertThat(entry.attempt()).isEqualTo(1);
    assertThat(JournalEntry.unkeyed(new Fact.BudgetStopped(3)).factKey()).isNull();
  }

  @Test
  void workflowEventsKeepTheWorkflowsKeyAndTheRunEndHasOne() {
    RunEvent event = RunEvent.of("run-1", new Fact.StageStarted("REVIEW", 1), "t-1", 7);
    RunEnd end = RunEnd.of("run-1", RunStatus.CANCELLED, new Fact.RunCancelled("REVIEW", 1));

    JournalEntry entry = JournalEntry.ofWorkflow(event, 2);

    assertThat(entry.type()).isEqualTo(Fact.StageStarted.TYPE);
    assertThat(entry.factKey()).isEqualTo("workflow/t-1/7");
    assertThat(entry.attempt()).isEqualTo(2);
    assertThat(entry.payloadJson()).contains("\"attempt\":2");
    assertThat(Facts.read(Fact.StageStarted.class, entry.payloadJson()))
        .isEqualTo(new Fact.StageStarted("REVIEW", 1));
    assertThat(JournalEntry.ofRunEnd(end, 1).factKey()).isEqualTo(Fact.RunEnding.FACT_KEY);
    assertThat(end.summary()).isEqualTo(Map.of("stage", "REVIEW", "round", 1));
  }
}
