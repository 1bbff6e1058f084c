package dev.forgeflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link LlmCallLog} promises; run against each implementation. */
abstract class LlmCallLogContract {

  private static final OffsetDateTime AT =
      OffsetDateTime.of(2025, 3, 4, 5, 6, 7, 0, ZoneOffset.UTC);

  private final RunStore runs;
  private final LlmCallLog calls;

  protected LlmCallLogContract(Stores stores) {
    this.runs = stores.runs();
    this.calls = stores.llmCalls();
  }

  @Test
  void aRunsCallsComeBackInTheOrderTheyWereRecorded() {
    String run = newRun();
    String otherRun = newRun();
    LlmCall requirements = call(run, "requirements", 1_200, 0.001234, "ok");
    LlmCall retried = call(run, "architecture", 3_400, 0.5, "timeout");
    LlmCall other = call(otherRun, "reviewer", 10, 0.000001, "ok");

    calls.record(requirements);
    calls.record(other);
    calls.record(retried);

    assertThat(calls.forRun(run)).containsExactly(requirements, retried);
    assertThat(calls.forRun(otherRun)).containsExactly(other);
    assertThat(calls.forRun("no-such-run")).isEmpty();
  }

  @Test
  void aCallWithoutTimeIsStampedWhenRecorded() {
    String run = newRun();
    LlmCall timeless =
        new LlmCall(
            run, "implementer", "m", "http://127.0.0.1:9/v1", 1, 2, 0.25, 30, 1, "ok", null);

    calls.record(timeless);

    OffsetDateTime at = calls.forRun(run).get(0).at();
    assertThat(at).isCloseTo(OffsetDateTime.now(ZoneOffset.UTC), within(10, ChronoUnit.SECONDS));
  }

  @Test
  void aKeyedCallIsRecordedOnceHoweverOftenItIsRecorded() {
    String run = newRun();
    String key = "workflow-" + UUID.randomUUID() + "/activity/1/1";
    LlmCall call = call(run, "requirements", 1_200, 0.001234, "ok");

    assertThat(calls.recordOnce(key, call)).isTrue();
    assertThat(calls.recordOnce(key, call)).isFalse();
    assertThat(calls.recordOnce(key, call(run, "requirements", 9, 9.0, "ok"))).isFalse();

    assertThat(calls.forRun(run)).containsExactly(call);
  }

  @Test
  void callsUnderOtherKeysOrWithoutOneAreRecordedEachTime() {
    String run = newRun();
    String workflow = "workflow-" + UUID.randomUUID();
    LlmCall call = call(run, "implementer", 10, 0.5, "ok");

    assertThat(calls.recordOnce(workflow + "/activity/1/1", call)).isTrue();
    assertThat(calls.recordOnce(workflow + "/activity/1/2", call)).isTrue();
    calls.record(call);
    calls.record(call);

    assertThat(calls.forRun(run)).hasSize(4);
  }

  @Test
  void concurrentRecordsOfOneKeyAddOneRow() throws Exception {
    String run = newRun();
    String key = "workflow-" + UUID.randomUUID() + "/activity/1/1";
    LlmCall call = call(run, "reviewer", 10, 0.5, "ok");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> recorders = Collections.nCopies(8, () -> calls.recordOnce(key, call));
      long added = 0;
      for (Future<Boolean> recorded : pool.invokeAll(recorders)) {
        added += recorded.get() ? 1 : 0;
      }
      assertThat(added).isEqualTo(1);
      assertThat(calls.forRun(run)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void recordingOnceForAnUnknownRunFailsNamingIt() {
    assertThatThrownBy(
            () ->
                calls.recordOnce(
                    "k/" + UUID.randomUUID(), call("no-such-run", "reviewer", 1, 0.0, "ok")))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("no-such-run");
  }

  @Test
  void recordingForAnUnknownRunFailsNamingIt() {
    assertThatThrownBy(() -> calls.record(call("no-such-run", "reviewer", 1, 0.0, "ok")))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("no-such-run");
  }

  private String newRun() {
    return runs.create(new NewRun("llm call contract", null));
  }

  private static LlmCall call(
      String run, String agent, long promptTokens, double cost, String outcome) {
    return new LlmCall(
        run,
        agent,
        "gpt-4o-mini",
        "http://127.0.0.1:8089/v1",
        promptTokens,
        321,
        cost,
        850,
        2,
        outcome,
        AT);
  }
}
