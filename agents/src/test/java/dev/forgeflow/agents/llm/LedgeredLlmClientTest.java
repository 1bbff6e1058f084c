package dev.forgeflow.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.store.InMemoryStores;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.LlmCall;
import dev.forgeflow.store.LlmCallLog;
import dev.forgeflow.store.NewRun;
import dev.forgeflow.store.ReplyKey;
import dev.forgeflow.store.ReplyLedger;
import dev.forgeflow.store.StoredReply;
import dev.forgeflow.store.Stores;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Activities on the in-process Temporal service, retried for real: a retry gets the replies its
 * earlier attempt bought from the ledger, without paying for them or recording them again.
 */
class LedgeredLlmClientTest {
  private static final String QUEUE = "ledgered-llm-test";

  @ActivityInterface
  public interface AskActivity {
    Asked ask(String topic);
  }

  /** What one execution of the activity got: its replies and the deltas streamed to it. */
  public record Asked(String activityId, int attempt, List<String> replies, int deltas) {}

  @WorkflowInterface
  public interface AskWorkflow {
    @WorkflowMethod
    List<Asked> ask(List<String> topics);
  }

  /** One activity per topic, all at once, each retried up to three times. */
  public static class AskWorkflowImpl implements AskWorkflow {
    private final AskActivity activity =
        Workflow.newActivityStub(
            AskActivity.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(
                    RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofSeconds(1))
                        .setMaximumAttempts(3)
                        .build())
                .build());

    @Override
    public List<Asked> ask(List<String> topics) {
      List<Promise<Asked>> asked = new ArrayList<>();
      for (String topic : topics) {
        asked.add(Async.function(activity::ask, topic));
      }
      return asked.stream().map(Promise::get).toList();
    }
  }

  /** What the activity does with the model in one attempt. */
  @FunctionalInterface
  interface Asker {
    List<String> ask(LlmClient client, String topic, int attempt, StreamListener listener)
        throws Exception;
  }

  /** Asks, then fails its first {@code failingAttempts} attempts, as a failed artifact save. */
  static final class AskActivityImpl implements AskActivity {
    private final LlmClient client;
    private final Asker asker;
    private final int failingAttempts;

    AskActivityImpl(LlmClient client, Asker asker, int failingAttempts) {
      this.client = client;
      this.asker = asker;
      this.failingAttempts = failingAttempts;
    }

    @Override
    public Asked ask(String topic) {
      ActivityInfo info = Activity.getExecutionContext().getInfo();
      AtomicInteger deltas = new AtomicInteger();
      List<String> replies;
      try {
        replies = asker.ask(client, topic, info.getAttempt(), text -> deltas.incrementAndGet());
      } catch (Exception e) {
        throw Activity.wrap(e);
      }
      if (info.getAttempt() <= failingAttempts) {
        throw new IllegalStateException("fake artifact store: saving the reply's artifact failed");
      }
      return new Asked(info.getActivityId(), info.getAttempt(), replies, deltas.get());
    }
  }

  private final Stores stores = InMemoryStores.create();
  private final String runId = stores.runs().create(new NewRun("ledger test", "{}"));
  private final String workflowId = "run-" + UUID.randomUUID();
  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private FakeLlmClient model = new FakeLlmClient();
  private LlmCallLog callLog = stores.llmCalls();

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void aRetryGetsTheReplyItsFirstAttemptBoughtWithoutCallingOrRecordingAgain() {
    List<Asked> asked = run(askOnce(attempt -> "Name a shop selling books."), 1, "shop");

    Asked retried = asked.get(0);
    assertThat(retried.attempt()).isEqualTo(2);
    assertThat(retried.replies()).containsExactly("answer 1: Name a shop selling books.");
    assertThat(retried.deltas()).as("a reused reply is not streamed again").isZero();
    assertThat(model.calls()).isEqualTo(1);
    assertThat(stores.llmCalls().forRun(runId))
        .singleElement()
        .extracting(LlmCall::attempt)
        .isEqualTo(1);
    assertThat(usageEvents()).extracting(JournalEvent::attempt).containsExactly(1);
    StoredReply kept = ledger().find(key(retried, 1)).orElseThrow();
    assertThat(kept.attempt()).isEqualTo(1);
    assertThat(kept.runId()).isEqualTo(runId);
    assertThat(kept.text()).isEqualTo("answer 1: Name a shop selling books.");
    assertThat(ledger().find(key(retried, 2))).isEmpty();
  }

  @Test
  void aReplyIsKeptBeforeItsUsageIsRecordedSoARetryRecordsItOnceForTheAttemptThatBoughtIt() {
    callLog = new FakeFlakyLlmCallLog(stores.llmCalls());

    List<Asked> asked = run(askOnce(attempt -> "Name a shop selling books."), 0, "shop");

    assertThat(asked.get(0).attempt()).isEqualTo(2);
    assertThat(asked.get(0).replies()).containsExactly("answer 1: Name a shop selling books.");
    assertThat(model.calls()).isEqualTo(1);
    assertThat(stores.llmCalls().forRun(runId))
        .singleElement()
        .extracting(LlmCall::attempt)
        .isEqualTo(1);
    assertThat(usageEvents()).extracting(JournalEvent::attempt).containsExactly(1);
  }

  @Test
  void aChangedRequestUnderTheSameKeyIsBoughtAndReplacesTheKeptReply() {
    List<Asked> asked =
        run(askOnce(attempt -> attempt == 1 ? "Name a shop." : "Name a bakery."), 1, "shop");

    Asked retried = asked.get(0);
    assertThat(retried.replies()).containsExactly("answer 2: Name a bakery.");
    assertThat(retried.deltas()).isEqualTo(1);
    assertThat(model.calls()).isEqualTo(2);
    StoredReply kept = ledger().find(key(retried, 1)).orElseThrow();
    assertThat(kept.attempt()).isEqualTo(2);
    assertThat(kept.text()).isEqualTo("answer 2: Name a bakery.");
    assertThat(stores.llmCalls().forRun(runId)).extracting(LlmCall::attempt).containsExactly(1, 2);
    assertThat(usageEvents()).extracting(JournalEvent::attempt).containsExactly(1, 2);
  }

  @Test
  void aRepairReAskIsACallOfItsOwnAndARetryReusesBoth() {
    model =
        new FakeLlmClient(
            (n, request) ->
                n == 1
                    ? "Sure! Here is the file."
                    : "{\"path\":\"app/x.py\",\"content\":\"x = 1\"}");
    Asker structured =
        (client, topic, attempt, listener) -> {
          Structured<FileDraft> draft =
              new StructuredOutput(client)
                  .call(request("Write app/x.py."), FileDraft.class, listener);
          return List.of(draft.value().content(), String.valueOf(draft.replies().size()));
        };

    List<Asked> asked = run(structured, 1, "file");

    Asked retried = asked.get(0);
    assertThat(retried.replies()).containsExactly("x = 1", "2");
    assertThat(model.calls()).isEqualTo(2);
    assertThat(ledger().find(key(retried, 1)).orElseThrow().text())
        .isEqualTo("Sure! Here is the file.");
    assertThat(ledger().find(key(retried, 2)).orElseThrow().text()).contains("x = 1");
    assertThat(ledger().find(key(retried, 3))).isEmpty();
    assertThat(stores.llmCalls().forRun(runId)).extracting(LlmCall::attempt).containsExactly(1, 1);
  }

  @Test
  void concurrentActivitiesNumberTheirCallsApart() {
    CyclicBarrier bothInFlight = new CyclicBarrier(2);
    Asker twice =
        (client, topic, attempt, listener) -> {
          String first = client.complete(request(topic + " #1"), listener).text();
          bothInFlight.await(10, TimeUnit.SECONDS);
          String second = client.complete(request(topic + " #2"), listener).text();
          return List.of(first, second);
        };

    List<Asked> asked = run(twice, 0, "books", "bread");

    assertThat(model.calls()).isEqualTo(4);
    assertThat(asked).extracting(Asked::activityId).doesNotHaveDuplicates();
    for (int i = 0; i < 2; i++) {
      Asked one = asked.get(i);
      String topic = List.of("books", "bread").get(i);
      assertThat(ledger().find(key(one, 1)).orElseThrow().text()).endsWith(topic + " #1");
      assertThat(ledger().find(key(one, 2)).orElseThrow().text()).endsWith(topic + " #2");
      assertThat(ledger().find(key(one, 3))).isEmpty();
    }
  }

  @Test
  void callsOutsideAnActivityPassStraightToTheModelAndAreRecordedEachTime() {
    LlmClient client = LlmClients.ledgered(model, new FakeUntouchableLedger(), recorder());

    LlmReply first = client.complete(request("Name a shop."), StreamListener.NONE);
    LlmReply second = client.complete(request("Name a shop."), StreamListener.NONE);

    assertThat(first.text()).isEqualTo("answer 1: Name a shop.");
    assertThat(second.text()).isEqualTo("answer 2: Name a shop.");
    assertThat(stores.llmCalls().forRun(runId)).extracting(LlmCall::attempt).containsExactly(1, 1);
  }

  private List<Asked> run(Asker asker, int failingAttempts, String... topics) {
    LlmClient client = LlmClients.ledgered(model, ledger(), recorder());
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(AskWorkflowImpl.class);
    worker.registerActivitiesImplementations(new AskActivityImpl(client, asker, failingAttempts));
    env.start();
    return env.getWorkflowClient()
        .newWorkflowStub(
            AskWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(QUEUE).build())
        .ask(List.of(topics));
  }

  private Asker askOnce(java.util.function.IntFunction<String> prompt) {
    return (client, topic, attempt, listener) ->
        List.of(client.complete(request(prompt.apply(attempt)), listener).text());
  }

  private UsageRecorder recorder() {
    return new JournalUsageRecorder(
        callLog,
        stores.journal(),
        new Pricing(Map.of("fake-model", new ModelPrice(1, 2))),
        Clock.systemUTC());
  }

  private LlmRequest request(String user) {
    return new LlmRequest(runId, "requirements", "fake-model", "You are terse.", user, null, true);
  }

  private ReplyLedger ledger() {
    return stores.replies();
  }

  private ReplyKey key(Asked asked, int ordinal) {
    return new ReplyKey(workflowId, asked.activityId(), ordinal);
  }

  private List<JournalEvent> usageEvents() {
    return stores.journal().readAfter(runId, 0, 1_000).stream()
        .filter(e -> e.type().equals(JournalUsageRecorder.EVENT_TYPE))
        .toList();
  }

  /** A fake ledger that fails the test if it is used at all. */
  private static final class FakeUntouchableLedger implements ReplyLedger {
    @Override
    public Optional<StoredReply> find(ReplyKey key) {
      throw new AssertionError("the ledger was asked for " + key);
    }

    @Override
    public StoredReply save(StoredReply reply) {
      throw new AssertionError("the ledger was given " + reply.key());
    }
  }
}
