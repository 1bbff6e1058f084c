package dev.forgeflow.store;

import static dev.forgeflow.store.JsonAssert.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link RunJournal} promises, apart from concurrency; run against each one. */
abstract class RunJournalContract {

  private final RunStore runs;
  private final RunJournal journal;

  protected RunJournalContract(Stores stores) {
    this.runs = stores.runs();
    this.journal = stores.journal();
  }

  @Test
  void eachRunNumbersItsEventsOneTwoThree() {
    String a = newRun();
    String b = newRun();

    assertThat(journal.append(a, "run.started", "{}", 1)).isEqualTo(1);
    assertThat(journal.append(b, "run.started", "{}", 1)).isEqualTo(1);
    assertThat(journal.append(a, "stage.started", "{}", 1)).isEqualTo(2);
    assertThat(journal.append(a, "stage.completed", "{}", 2)).isEqualTo(3);
    assertThat(journal.append(b, "run.failed", "{}", 1)).isEqualTo(2);
  }

  @Test
  void readAfterReturnsTheLaterEventsInOrderUpToTheLimit() {
    String run = newRun();
    for (int i = 1; i <= 5; i++) {
      journal.append(run, "code.file", "{\"path\": \"app/f" + i + ".py\"}", i % 2 + 1);
    }

    List<JournalEvent> events = journal.readAfter(run, 2, 2);

    assertThat(events).extracting(JournalEvent::seq).containsExactly(3L, 4L);
    JournalEvent third = events.get(0);
    assertThat(third.runId()).isEqualTo(run);
    assertThat(third.type()).isEqualTo("code.file");
    assertThat(third.attempt()).isEqualTo(2);
    assertThat(third.createdAt()).isNotNull();
    assertSameJson(third.payloadJson(), "{\"path\": \"app/f3.py\"}");
    assertThat(journal.readAfter(run, 5, 10)).isEmpty();
    assertThat(journal.readAfter(run, 0, 10)).hasSize(5);
  }

  @Test
  void appendingToAnUnknownRunFailsNamingIt() {
    assertThatThrownBy(() -> journal.append("no-such-run", "run.started", "{}", 1))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("no-such-run");
  }

  @Test
  void awaitAfterReturnsEventsThatAreThereAtOnce() {
    String run = newRun();
    journal.append(run, "run.started", "{}", 1);

    long start = System.nanoTime();
    List<JournalEvent> events = journal.awaitAfter(run, 0, 10, Duration.ofSeconds(20));

    assertThat(events).extracting(JournalEvent::seq).containsExactly(1L);
    assertThat(elapsed(start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void awaitAfterWakesAsSoonAsAnEventIsAppended() throws Exception {
    String run = newRun();
    journal.append(run, "run.started", "{}", 1);
    CompletableFuture<Long> later =
        CompletableFuture.supplyAsync(
            () -> journal.append(run, "stage.started", "{}", 1),
            CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

    long start = System.nanoTime();
    List<JournalEvent> events = journal.awaitAfter(run, 1, 10, Duration.ofSeconds(20));

    assertThat(events).extracting(JournalEvent::type).containsExactly("stage.started");
    assertThat(later.get(5, TimeUnit.SECONDS)).isEqualTo(2L);
    // Well under the maximum wait, and under any periodic re-check: the append woke it.
    assertThat(elapsed(start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void awaitAfterGivesUpEmptyAfterTheMaximumWait() {
    String run = newRun();
    journal.append(run, "run.started", "{}", 1);

    long start = System.nanoTime();
    List<JournalEvent> events = journal.awaitAfter(run, 1, 10, Duration.ofMillis(400));

    assertThat(events).isEmpty();
    assertThat(elapsed(start)).isBetween(Duration.ofMillis(400), Duration.ofSeconds(3));
  }

  @Test
  void awaitAfterIsNotWokenByAnotherRunsEvents() throws Exception {
    String waitedOn = newRun();
    String other = newRun();
    CompletableFuture<Long> otherAppend =
        CompletableFuture.supplyAsync(
            () -> journal.append(other, "run.started", "{}", 1),
            CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));

    List<JournalEvent> events = journal.awaitAfter(waitedOn, 0, 10, Duration.ofMillis(800));

    assertThat(otherAppend.get(5, TimeUnit.SECONDS)).isEqualTo(1L);
    assertThat(events).isEmpty();
  }

  @Test
  void nulAndLoneSurrogatesInAPayloadAreStoredAsReplacementCharacters() {
    String run = newRun();
    String escaped = "{\"log\": \"a\\u0000b\\ud800c\\udc00d\", \"k\\u0000\": 1}";
    String raw = "{\"log\": \"a\u0000b\ud800c\udc00d \ud83d\ude00\"}";

    journal.append(run, "test.report", escaped, 1);
    journal.append(run, "test.report", raw, 1);

    List<JournalEvent> events = journal.readAfter(run, 0, 10);
    assertSameJson(
        events.get(0).payloadJson(), "{\"log\": \"a\ufffdb\ufffdc\ufffdd\", \"k\ufffd\": 1}");
    assertSameJson(
        events.get(1).payloadJson(), "{\"log\": \"a\ufffdb\ufffdc\ufffdd \ud83d\ude00\"}");
  }

  @Test
  void aPayloadOverTheLimitIsStoredWithItsLongTextCutAndMarked() {
    String run = newRun();
    String huge = "x".repeat(300_000);

    journal.append(run, "test.report", "{\"output\": \"" + huge + "\", \"passed\": 3}", 1);

    String stored = journal.readAfter(run, 0, 1).get(0).payloadJson();
    assertThat(stored.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(64 * 1024);
    assertThat(JsonAssert.tree(stored).get("passed").asInt()).isEqualTo(3);
    assertThat(JsonAssert.tree(stored).get("output").asText())
        .startsWith("xxxx")
        .endsWith("more characters]");
  }

  @Test
  void aPayloadThatIsNotJsonFailsWithATypedFailureNamingTheEvent() {
    String run = newRun();

    assertThatThrownBy(() -> journal.append(run, "test.report", "{\"output\": ", 1))
        .isInstanceOf(UnstorableContentException.class)
        .hasMessageContaining("test.report")
        .hasMessageContaining(run)
        .hasMessageContaining("not valid JSON");
    assertThat(journal.readAfter(run, 0, 10)).isEmpty();
  }

  private String newRun() {
    return runs.create(new NewRun("journal contract", null));
  }

  private static Duration elapsed(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
