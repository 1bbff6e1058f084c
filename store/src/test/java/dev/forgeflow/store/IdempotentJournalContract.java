package dev.forgeflow.store;

import static dev.forgeflow.store.JsonAssert.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Appends with a fact key: each key once per run, the sequence gapless, even under races. */
abstract class IdempotentJournalContract {

  private static final int WRITERS = 8;
  private static final int KEYS = 60;

  private final RunStore runs;
  private final RunJournal journal;

  protected IdempotentJournalContract(Stores stores) {
    this.runs = stores.runs();
    this.journal = stores.journal();
  }

  @Test
  void theSameKeyAppendedTwiceIsOneEventWithOneSequenceNumber() {
    String run = newRun();

    long first = journal.append(run, "code.file", "{\"path\": \"a.py\"}", 1, "7/code.file/a.py");
    long other = journal.append(run, "code.file", "{\"path\": \"b.py\"}", 1, "7/code.file/b.py");
    long again = journal.append(run, "code.file", "{\"path\": \"a.py\"}", 2, "7/code.file/a.py");

    assertThat(first).isEqualTo(1);
    assertThat(other).isEqualTo(2);
    assertThat(again).isEqualTo(first);
    List<JournalEvent> events = journal.readAfter(run, 0, 10);
    assertThat(events).hasSize(2);
    assertThat(events.get(0).attempt()).as("the first append's event stays").isEqualTo(1);
    assertSameJson(events.get(0).payloadJson(), "{\"path\": \"a.py\"}");
    assertThat(journal.append(run, "run.completed", "{}", 1)).as("no gap after").isEqualTo(3);
  }

  @Test
  void aKeyIsPerRun() {
    String a = newRun();
    String b = newRun();
    journal.append(a, "stage.started", "{}", 1, "workflow/1");
    journal.append(a, "stage.started", "{}", 1, "workflow/2");

    assertThat(journal.append(b, "stage.started", "{}", 1, "workflow/2")).isEqualTo(1);
    assertThat(journal.readAfter(b, 0, 10)).hasSize(1);
  }

  @Test
  void appendsWithoutAKeyAreNeverMerged() {
    String run = newRun();

    journal.append(run, "deploy.log", "{}", 1, null);
    journal.append(run, "deploy.log", "{}", 1, null);
    journal.append(run, "deploy.log", "{}", 1);

    assertThat(journal.readAfter(run, 0, 10))
        .extracting(JournalEvent::seq)
        .containsExactly(1L, 2L, 3L);
  }

  @Test
  void aKeyedAppendToAnUnknownRunFailsNamingIt() {
    assertThatThrownBy(() -> journal.append("no-such-run", "run.completed", "{}", 1, "run.end"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("no-such-run");
  }

  /**
   * Every writer appends the same shared keys, each interleaved with a key of its own: the journal
   * holds each key once, every writer gets the same number for a shared key, and the numbers run 1,
   * 2, 3 ... with no gap, so a racing duplicate took no number.
   */
  @Test
  void racingWritersWithTheSameKeysLeaveEachKeyOnceAndNoGap() throws Exception {
    String run = newRun();
    ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
    List<Map<String, Long>> answers = new ArrayList<>();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Map<String, Long>>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(threads.submit(() -> write(run, writer, go)));
      }
      go.countDown();
      for (Future<Map<String, Long>> writer : writers) {
        answers.add(writer.get(2, TimeUnit.MINUTES));
      }
    } finally {
      threads.shutdownNow();
    }

    int total = KEYS + WRITERS * KEYS;
    List<JournalEvent> events = journal.readAfter(run, 0, total + 10);
    assertThat(events)
        .extracting(JournalEvent::seq)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
    Map<String, Long> seqByKey =
        events.stream()
            .collect(
                Collectors.toMap(
                    e -> JsonAssert.tree(e.payloadJson()).get("key").asText(), JournalEvent::seq));
    assertThat(seqByKey).as("each key exactly once").hasSize(total);
    for (Map<String, Long> answer : answers) {
      answer.forEach((key, seq) -> assertThat(seqByKey).containsEntry(key, seq));
    }
    assertThat(journal.append(run, "run.completed", "{}", 1)).isEqualTo(total + 1L);
  }

  private Map<String, Long> write(String run, int writer, CountDownLatch go)
      throws InterruptedException {
    go.await();
    List<String> keys = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    for (int n = 0; n < KEYS; n++) {
      for (String key : List.of("shared/" + n, "writer-" + writer + "/" + n)) {
        keys.add(key);
        seqs.add(journal.append(run, "code.file", "{\"key\": \"" + key + "\"}", 1, key));
      }
    }
    return keys.stream()
        .collect(Collectors.toMap(Function.identity(), k -> seqs.get(keys.indexOf(k))));
  }

  private String newRun() {
    return runs.create(new NewRun("idempotent journal", null));
  }
}
