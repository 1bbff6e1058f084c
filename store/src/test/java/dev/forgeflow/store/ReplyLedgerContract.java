package dev.forgeflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link ReplyLedger} promises; run against each implementation. */
abstract class ReplyLedgerContract {

  private static final OffsetDateTime AT =
      OffsetDateTime.of(2025, 3, 4, 5, 6, 7, 0, ZoneOffset.UTC);

  private final RunStore runs;
  private final ReplyLedger ledger;

  protected ReplyLedgerContract(Stores stores) {
    this.runs = stores.runs();
    this.ledger = stores.replies();
  }

  @Test
  void aSavedReplyIsFoundUnderItsKeyAndNoOther() {
    String run = newRun();
    ReplyKey key = key(1);
    StoredReply reply = reply(run, key, 1, "request-a", "{\"name\":\"shop\"}");

    assertThat(ledger.find(key)).isEmpty();
    assertThat(ledger.save(reply)).isEqualTo(reply);

    assertThat(ledger.find(key)).contains(reply);
    assertThat(ledger.find(new ReplyKey(key.workflowId(), key.activityId(), 2))).isEmpty();
    assertThat(ledger.find(new ReplyKey(key.workflowId(), "other-activity", 1))).isEmpty();
    assertThat(ledger.find(new ReplyKey("other-workflow", key.activityId(), 1))).isEmpty();
  }

  @Test
  void savingTheSameRequestAgainKeepsTheFirstReply() {
    String run = newRun();
    ReplyKey key = key(1);
    StoredReply first = reply(run, key, 1, "request-a", "first answer");
    StoredReply second = reply(run, key, 2, "request-a", "second answer");

    ledger.save(first);
    StoredReply kept = ledger.save(second);

    assertThat(kept).isEqualTo(first);
    assertThat(ledger.find(key)).contains(first);
  }

  @Test
  void aReplyToAnotherRequestReplacesTheOneKeptUnderTheKey() {
    String run = newRun();
    ReplyKey key = key(2);
    ledger.save(reply(run, key, 1, "request-a", "answer to a"));
    StoredReply changed = reply(run, key, 2, "request-b", "answer to b");

    assertThat(ledger.save(changed)).isEqualTo(changed);
    assertThat(ledger.find(key)).contains(changed);
  }

  @Test
  void concurrentSavesOfOneCallAllSeeTheSameReply() throws Exception {
    String run = newRun();
    ReplyKey key = key(1);
    List<Callable<StoredReply>> savers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      StoredReply reply = reply(run, key, i + 1, "request-a", "answer " + i);
      savers.add(() -> ledger.save(reply));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<StoredReply> kept = new ArrayList<>();
      for (Future<StoredReply> saved : pool.invokeAll(savers)) {
        kept.add(saved.get());
      }
      assertThat(kept).containsOnly(ledger.find(key).orElseThrow());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aReplyWithoutTimeIsStampedAndUnstorableTextIsReplaced() {
    String run = newRun();
    ReplyKey key = key(1);
    StoredReply reply =
        new StoredReply(
            key, run, 1, "request-a", "a\u0000b", "m", "http://127.0.0.1:9/v1", 3, 4, 5, null);

    StoredReply kept = ledger.save(reply);

    assertThat(kept.text()).isEqualTo("a\uFFFDb");
    assertThat(kept.at())
        .isCloseTo(OffsetDateTime.now(ZoneOffset.UTC), within(10, ChronoUnit.SECONDS));
    assertThat(ledger.find(key)).contains(kept);
  }

  @Test
  void savingForAnUnknownRunFailsNamingIt() {
    assertThatThrownBy(() -> ledger.save(reply("no-such-run", key(1), 1, "request-a", "x")))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("no-such-run");
  }

  private String newRun() {
    return runs.create(new NewRun("reply ledger contract", null));
  }

  /** A key no other test uses: the ledger is shared by every test of a run. */
  private static ReplyKey key(int ordinal) {
    return new ReplyKey("workflow-" + UUID.randomUUID(), "activity/1", ordinal);
  }

  private static StoredReply reply(
      String run, ReplyKey key, int attempt, String request, String text) {
    return new StoredReply(
        key,
        run,
        attempt,
        request,
        text,
        "gpt-4o-mini",
        "http://127.0.0.1:8089/v1",
        1_200,
        321,
        850,
        AT);
  }
}
