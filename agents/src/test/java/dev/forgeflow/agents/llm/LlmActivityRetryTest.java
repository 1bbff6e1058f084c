package dev.forgeflow.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's failures drive Temporal's activity retries as intended. */
class LlmActivityRetryTest {
  private static final String QUEUE = "llm-test";

  @ActivityInterface
  public interface AskActivity {
    String ask(String prompt);
  }

  @WorkflowInterface
  public interface AskWorkflow {
    @WorkflowMethod
    String ask(String prompt);
  }

  public static class AskWorkflowImpl implements AskWorkflow {
    private final AskActivity activity =
        Workflow.newActivityStub(
            AskActivity.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(
                    RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofSeconds(1))
                        .setMaximumAttempts(5)
                        .build())
                .build());

    @Override
    public String ask(String prompt) {
      long start = Workflow.currentTimeMillis();
      String answer = activity.ask(prompt);
      return answer + "|" + (Workflow.currentTimeMillis() - start);
    }
  }

  static final class AskActivityImpl implements AskActivity {
    private final LlmClient client;

    AskActivityImpl(LlmClient client) {
      this.client = client;
    }

    @Override
    public String ask(String prompt) {
      LlmReply reply =
          client.complete(
              LlmFixtures.request("requirements").withUser(prompt), StreamListener.NONE);
      return reply.text() + "|" + Activity.getExecutionContext().getInfo().getAttempt();
    }
  }

  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void rateLimitedActivityIsRetriedAfterRetryAfterAndThenSucceeds() {
    try (FakeLlmServer server =
        FakeLlmServer.scripted(
            FakeResponse.error(429, "slow down").withHeader("Retry-After", "30"),
            FakeResponse.completion("charter"))) {
      String[] result = workflow(server).ask("a bookshop").split("\\|");

      assertThat(result[0]).isEqualTo("charter");
      assertThat(result[1]).as("activity attempt").isEqualTo("2");
      assertThat(Long.parseLong(result[2]))
          .as("workflow time waited, ms")
          .isGreaterThanOrEqualTo(30_000);
      assertThat(server.requests()).hasSize(2);
    }
  }

  @Test
  void rejectedKeyFailsTheActivityWithoutRetrying() {
    try (FakeLlmServer server = FakeLlmServer.scripted(FakeResponse.error(401, "bad key"))) {
      AskWorkflow workflow = workflow(server);
      WorkflowFailedException failed =
          catchThrowableOfType(WorkflowFailedException.class, () -> workflow.ask("x"));

      assertThat(failed.getCause()).isInstanceOf(ActivityFailure.class);
      ApplicationFailure cause = (ApplicationFailure) failed.getCause().getCause();
      assertThat(cause.getType()).isEqualTo(LlmFailures.REJECTED);
      assertThat(cause.getOriginalMessage())
          .contains(server.baseUrl())
          .doesNotContain(LlmFixtures.KEY);
      assertThat(server.requests()).hasSize(1);
    }
  }

  private AskWorkflow workflow(FakeLlmServer server) {
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(AskWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new AskActivityImpl(LlmClients.openAi(LlmFixtures.settings(server.baseUrl()))));
    env.start();
    WorkflowClient client = env.getWorkflowClient();
    return client.newWorkflowStub(
        AskWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build());
  }
}
