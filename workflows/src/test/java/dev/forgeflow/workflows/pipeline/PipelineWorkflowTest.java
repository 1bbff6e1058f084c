package dev.forgeflow.workflows.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.forgeflow.workflows.artifacts.PatchRequest;
import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.ReviewReport;
import dev.forgeflow.workflows.artifacts.Severity;
import dev.forgeflow.workflows.artifacts.Usage;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.RunEvent;
import dev.forgeflow.workflows.journal.RunStatus;
import dev.forgeflow.workflows.sandbox.CheckFailure;
import dev.forgeflow.workflows.sandbox.CheckInput;
import dev.forgeflow.workflows.sandbox.DeployActivities;
import dev.forgeflow.workflows.sandbox.SandboxActivities;
import dev.forgeflow.workflows.sandbox.SandboxHost;
import dev.forgeflow.workflows.sandbox.TestReport;
import dev.forgeflow.workflows.webhooks.FakeWebhooks;
import dev.forgeflow.workflows.webhooks.WebhookDeliveryWorkflowImpl;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PipelineWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(
              PipelineWorkflowImpl.class, WebhookDeliveryWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private final FakeAgents agents = new FakeAgents();
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private String taskQueue;

  @BeforeEach
  void start(TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    worker.registerActivitiesImplementations(agents, new FakeWebhooks(null, List.of()));
    env.newWorker(SandboxActivities.TASK_QUEUE).registerActivitiesImplementations(agents);
    env.newWorker(SandboxHost.taskQueue(FakeAgents.HOST)).registerActivitiesImplementations(agents);
    env.start();
    this.env = env;
    this.client = client;
    this.taskQueue = worker.getTaskQueue();
  }

  @Test
  void happyPathImplementsEveryPlannedFileAndEndsApproved() {
    PipelineResult result = stub("run-happy").run(input("run-happy", PipelineOptions.defaults()));

    assertThat(result.outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(result.rounds()).isEqualTo(1);
    assertThat(result.fileCount()).isEqualTo(FakeAgents.PLAN.size());
    assertThat(agents.implemented).hasSize(FakeAgents.PLAN.size());
    assertThat(agents.eventTypes())
        .startsWith("run.started", "stage.started", "stage.completed")
        .contains("code.bundle");
    assertThat(agents.ends)
        .singleElement()
        .satisfies(
            end -> {
              assertThat(end.eventType()).isEqualTo("run.completed");
              assertThat(end.status()).isEqualTo(RunStatus.SUCCEEDED);
              assertThat(end.summary()).containsEntry("outcome", "APPROVED");
            });
  }

  @Test
  void everyAgentRetrievesBeforeItWritesAndEachCodeVersionIsIndexed() {
    agents.reviewScript.add(changes("app/routers/books.py", "router.prefix"));
    PipelineOptions options = PipelineOptions.defaults();
    PipelineResult result = stub("run-rag").run(input("run-rag", options));

    assertThat(result.outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(agents.retrievals)
        .extracting(r -> r.agent().key())
        .containsExactly("requirements", "architecture", "implementer", "reviewer");
    assertThat(agents.retrievals.get(0).charterId()).isNull();
    assertThat(agents.retrievals.get(0).prompt()).isEqualTo(input("run-rag", options).prompt());
    assertThat(agents.retrievals.get(2).architectureId()).isEqualTo("architecture-1");
    // the first version and the repaired one
    assertThat(agents.indexed).extracting(i -> i.runId()).containsExactly("run-rag", "run-rag");
  }

  @Test
  void aVectorStoreThatIsDownMakesTheRunWaitAndResumeNotSkipRetrieval() {
    agents.retrievalFailures = 3;
    PipelineResult result =
        stub("run-rag-down").run(input("run-rag-down", PipelineOptions.defaults()));

    assertThat(result.outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(agents.retrievalFailures).isZero();
    assertThat(agents.retrievals).extracting(r -> r.agent().key()).startsWith("requirements");
  }

  @Test
  void workflowEventsAreKeyedByTheirPlaceInTheRunSoARepeatedLocalActivityRepeatsTheKey() {
    stub("run-keys").run(input("run-keys", PipelineOptions.defaults()));

    List<String> keys = agents.events.stream().map(RunEvent::factKey).toList();
    String temporalRun =
        client.newUntypedWorkflowStub("run-keys").describe().getExecution().getRunId();
    assertThat(keys)
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, keys.size())
                .mapToObj(n -> RunEvent.workflowKey(temporalRun, n))
                .toList());
    assertThat(agents.events.get(0).type()).isEqualTo(Fact.RunStarted.TYPE);
    assertThat(agents.events.get(0).payload()).containsOnlyKeys("approvalGate", "maxReviewRounds");
  }

  @Test
  void implementerRunsFilesInParallelWithinTheConcurrencyBound() {
    agents.implementMillis = 300;
    PipelineOptions options =
        new PipelineOptions(
            false,
            Duration.ofHours(1),
            ApprovalTimeoutAction.REJECT,
            3,
            3,
            0,
            0,
            PipelineOptions.defaults().models(),
            SandboxMode.OFF);

    stub("run-parallel").run(input("run-parallel", options));

    assertThat(agents.maxInFlight.get()).isEqualTo(3);
  }

  @Test
  void reviewRoundRepeatsUntilApprovedPatchingOnlyTheNamedFiles() {
    agents.reviewScript.add(changes("app/models.py", "table.primary-key"));
    agents.reviewScript.add(changes("app/routers/books.py", "router.prefix"));

    PipelineResult result = stub("run-loop").run(input("run-loop", PipelineOptions.defaults()));

    assertThat(result.outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(result.rounds()).isEqualTo(3);
    assertThat(result.bundleVersion()).isEqualTo(3);
    assertThat(agents.modesFor("app/models.py")).containsExactly("CREATE", "PATCH");
    assertThat(agents.modesFor("app/routers/books.py")).containsExactly("CREATE", "PATCH");
    assertThat(agents.modesFor("app/main.py")).containsExactly("CREATE");
    assertThat(
            agents.implemented.stream()
                .filter(i -> i.round() == 2)
                .findFirst()
                .orElseThrow()
                .instructions())
        .anyMatch(s -> s.contains("table.primary-key"));
  }

  @Test
  void sandboxChecksEveryRoundAndFailingTestsKeepTheRoundFromApproval() {
    agents.checkScript.add(
        new TestReport(
            false,
            "image-1",
            4,
            1,
            List.of(new CheckFailure("books.create", "app/routers/books.py", 42, "500 on create")),
            "1 of 4 failed"));

    PipelineResult result =
        stub("run-sandbox")
            .run(input("run-sandbox", PipelineOptions.defaults().withSandbox(SandboxMode.CHECK)));

    assertThat(result.outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(result.rounds()).isEqualTo(2);
    assertThat(agents.checks).extracting(CheckInput::round).containsExactly(1, 2);
    assertThat(agents.checks)
        .extracting(CheckInput::bundleId)
        .containsExactly("bundle-1", "bundle-2");
    assertThat(agents.modesFor("app/routers/books.py")).containsExactly("CREATE", "PATCH");
    assertThat(agents.reviews.get(0).tests().passed()).isFalse();
  }

  @Test
  void approvedRunInDeployModeRunsItsServiceAndKeepsWhatTheSandboxMade() {
    PipelineResult result =
        stub("run-deploy")
            .run(input("run-deploy", PipelineOptions.defaults().withSandbox(SandboxMode.DEPLOY)));

    assertThat(result.deploymentUrl()).isEqualTo("http://127.0.0.1:40123");
    assertThat(agents.deploys)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.project()).isEqualTo("bookstore-api");
              assertThat(d.bundleId()).isEqualTo("bundle-1");
            });
    assertThat(agents.removedRuns).isEmpty();
    assertThat(agents.ends.get(0).summary())
        .containsEntry("deploymentUrl", "http://127.0.0.1:40123");
  }

  @Test
  void aRunsChecksAndDeployGoToTheDockerHostItWasPlacedOnAndTheJournalSaysWhich() {
    agents.checkScript.add(
        new TestReport(
            false,
            "image",
            1,
            1,
            List.of(new CheckFailure("pytest", "tests/test_books.py", 9, "assert 500 == 201")),
            "1 failed"));
    PipelineResult result =
        stub("run-hosted")
            .run(input("run-hosted", PipelineOptions.defaults().withSandbox(SandboxMode.DEPLOY)));

    assertThat(result.outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(agents.placements)
        .singleElement()
        .isEqualTo(new dev.forgeflow.workflows.sandbox.PlacementInput("run-hosted", null));
    String there = SandboxHost.taskQueue(FakeAgents.HOST);
    assertThat(agents.sandboxCalls)
        .containsExactly("check " + there, "check " + there, "deploy " + there);
    assertThat(agents.events)
        .filteredOn(e -> e.type().equals(Fact.SandboxPlaced.TYPE))
        .singleElement()
        .satisfies(e -> assertThat(e.payload()).containsExactly(entry("host", FakeAgents.HOST)));
  }

  /**
   * Two runs side by side (the host's silence is waited for in real time, once): each is placed on
   * a host whose runner is gone, moves to a live one, and is checked and deployed there; the one
   * whose deploy fails removes what it made on the host it moved to.
   */
  @Test
  void aHostThatStopsAnsweringLosesItsRunsToALiveOne() throws Exception {
    // host-gone's runner is not polling its queue: the first check of each run waits there
    agents.hosts.clear();
    agents.hosts.addAll(List.of("host-gone", "host-gone", FakeAgents.HOST));
    agents.deployFailureFor = "run-moved-fails";
    PipelineOptions deploying = PipelineOptions.defaults().withSandbox(SandboxMode.DEPLOY);
    WorkflowClient.start(stub("run-moved")::run, input("run-moved", deploying));
    WorkflowClient.start(stub("run-moved-fails")::run, input("run-moved-fails", deploying));

    PipelineResult moved = result("run-moved");
    assertThatThrownBy(() -> result("run-moved-fails")).isInstanceOf(WorkflowFailedException.class);

    assertThat(moved.outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(moved.deploymentUrl()).isEqualTo("http://127.0.0.1:40123");
    assertThat(agents.placements)
        .filteredOn(p -> p.runId().equals("run-moved"))
        .extracting(p -> p.previousHost())
        .containsExactly(null, "host-gone");
    String there = SandboxHost.taskQueue(FakeAgents.HOST);
    assertThat(agents.sandboxCalls)
        .containsExactlyInAnyOrder(
            "check " + there,
            "deploy " + there,
            "check " + there,
            "deploy " + there,
            "remove " + there);
    assertThat(agents.removedRuns).containsExactly("run-moved-fails");
    assertThat(agents.events)
        .filteredOn(e -> e.runId().equals("run-moved"))
        .filteredOn(e -> e.type().equals(Fact.SandboxPlaced.TYPE))
        .extracting(RunEvent::payload)
        .containsExactly(
            java.util.Map.of("host", "host-gone"),
            java.util.Map.of("host", FakeAgents.HOST, "previousHost", "host-gone"));
  }

  @Test
  void aDeployRefusedForLackOfFirewallRightsLeavesTheRunApprovedAndUndeployed() {
    agents.deployFailure =
        ApplicationFailure.newNonRetryableFailure(
            "Deploying needs host firewall rules … so nothing was deployed.",
            DeployActivities.EGRESS_RULES_UNAVAILABLE);

    PipelineResult result =
        stub("run-no-root")
            .run(input("run-no-root", PipelineOptions.defaults().withSandbox(SandboxMode.DEPLOY)));

    assertThat(result.outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(result.deploymentUrl()).isNull();
    assertThat(result.verdict()).contains("not deployed: Deploying needs host firewall rules");
    assertThat(agents.deploys).hasSize(1);
    assertThat(agents.removedRuns).containsExactly("run-no-root");
  }

  @Test
  void anyOtherDeployFailureFailsTheRunAndRemovesWhatTheSandboxMade() {
    agents.deployFailure =
        ApplicationFailure.newNonRetryableFailure("the service never answered", "DeployFailed");

    assertThatThrownBy(
            () ->
                stub("run-deploy-fails")
                    .run(
                        input(
                            "run-deploy-fails",
                            PipelineOptions.defaults().withSandbox(SandboxMode.DEPLOY))))
        .isInstanceOf(WorkflowFailedException.class);
    assertThat(agents.removedRuns).containsExactly("run-deploy-fails");
  }

  @Test
  void checkedRunThatEndsUnapprovedRemovesWhatTheSandboxMade() {
    for (int i = 0; i < 3; i++) {
      agents.checkScript.add(
          new TestReport(
              false,
              "image",
              1,
              1,
              List.of(new CheckFailure("pytest", "tests/test_books.py", 9, "assert 500 == 201")),
              "1 failed"));
    }

    PipelineResult result =
        stub("run-saga")
            .run(input("run-saga", PipelineOptions.defaults().withSandbox(SandboxMode.DEPLOY)));

    assertThat(result.outcome()).isNotEqualTo(Outcome.APPROVED);
    assertThat(agents.deploys).isEmpty();
    assertThat(agents.removedRuns).containsExactly("run-saga");
  }

  @Test
  void cancellationDuringChecksRemovesWhatTheSandboxMade() throws Exception {
    agents.checkMillis = 5_000;
    PipelineWorkflow run = stub("run-saga-cancel");
    WorkflowClient.start(
        run::run,
        input("run-saga-cancel", PipelineOptions.defaults().withSandbox(SandboxMode.CHECK)));
    assertThat(agents.checkStarted.await(20, TimeUnit.SECONDS)).isTrue();

    WorkflowStub.fromTyped(run).cancel();

    assertThatThrownBy(() -> result("run-saga-cancel")).isInstanceOf(WorkflowFailedException.class);
    assertThat(agents.removedRuns).containsExactly("run-saga-cancel");
    assertThat(agents.ends)
        .singleElement()
        .satisfies(end -> assertThat(end.status()).isEqualTo(RunStatus.CANCELLED));
  }

  @Test
  void withoutTheSandboxNoChecksRun() {
    stub("run-no-sandbox").run(input("run-no-sandbox", PipelineOptions.defaults()));

    assertThat(agents.checks).isEmpty();
    assertThat(agents.reviews.get(0).tests()).isNull();
  }

  @Test
  void reviewLoopStopsWhenRoundsRunOut() {
    agents.reviewScript.add(changes("app/models.py", "a"));
    agents.reviewScript.add(changes("app/main.py", "b"));
    agents.reviewScript.add(changes("app/models.py", "c"));

    PipelineResult result = stub("run-out").run(input("run-out", PipelineOptions.defaults()));

    assertThat(result.outcome()).isEqualTo(Outcome.CHANGES_REQUESTED);
    assertThat(result.rounds()).isEqualTo(3);
    assertThat(result.verdict()).contains("3 review rounds");
    assertThat(agents.statuses).last().isEqualTo(RunStatus.FAILED);
  }

  @Test
  void sameFailureTwiceEscalatesToRewriteThenStopsStuck() {
    for (int i = 0; i < 3; i++) {
      agents.reviewScript.add(changes("app/models.py", "table.primary-key"));
    }

    PipelineResult result = stub("run-stuck").run(input("run-stuck", PipelineOptions.defaults()));

    assertThat(result.outcome()).isEqualTo(Outcome.STUCK);
    assertThat(result.verdict()).contains("table.primary-key@app/models.py");
    assertThat(agents.modesFor("app/models.py")).containsExactly("CREATE", "PATCH", "REWRITE");
    assertThat(agents.eventTypes()).contains("review.stuck");
  }

  @Test
  void approvalGateApprovesAndTheRunContinues() {
    PipelineWorkflow run = stub("run-gate");
    WorkflowClient.start(run::run, input("run-gate", gated(ApprovalTimeoutAction.REJECT)));
    awaitState(run, Awaiting.PLAN_APPROVAL);

    run.decidePlan(PlanDecision.approved());

    assertThat(result("run-gate").outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(agents.designs).hasSize(1);
    assertThat(agents.statuses).contains(RunStatus.AWAITING_APPROVAL);
  }

  @Test
  void requestingChangesReRunsArchitectureWithTheFeedback() {
    PipelineWorkflow run = stub("run-feedback");
    WorkflowClient.start(run::run, input("run-feedback", gated(ApprovalTimeoutAction.REJECT)));
    awaitState(run, Awaiting.PLAN_APPROVAL);

    run.decidePlan(PlanDecision.changes("add pagination to list endpoints"));
    awaitDesigns(2);
    awaitState(run, Awaiting.PLAN_APPROVAL);
    run.decidePlan(PlanDecision.approved());

    assertThat(result("run-feedback").outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(agents.designs)
        .extracting(d -> d.feedback())
        .containsExactly(null, "add pagination to list endpoints");
  }

  @Test
  void approvalGateTimeoutFollowsItsPolicy() {
    PipelineResult rejected =
        stub("run-timeout").run(input("run-timeout", gated(ApprovalTimeoutAction.REJECT)));
    assertThat(rejected.outcome()).isEqualTo(Outcome.PLAN_REJECTED);
    assertThat(agents.implemented).isEmpty();

    PipelineResult approved =
        stub("run-timeout-ok").run(input("run-timeout-ok", gated(ApprovalTimeoutAction.APPROVE)));
    assertThat(approved.outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(agents.eventTypes()).contains("approval.timed_out");
  }

  @Test
  void approvalUpdatesAreRefusedWhenNotWaitingOrWithoutFeedback() {
    PipelineWorkflow run = stub("run-refuse");
    WorkflowClient.start(run::run, input("run-refuse", gated(ApprovalTimeoutAction.REJECT)));
    assertThatThrownBy(() -> run.decideBudget(BudgetDecision.stopRun()))
        .isInstanceOf(WorkflowUpdateException.class);
    awaitState(run, Awaiting.PLAN_APPROVAL);
    assertThatThrownBy(() -> run.decidePlan(PlanDecision.changes(" ")))
        .isInstanceOf(WorkflowUpdateException.class);
    run.decidePlan(PlanDecision.approved());
    assertThat(result("run-refuse").outcome()).isEqualTo(Outcome.APPROVED);
  }

  @Test
  void cancellationMidImplementationEndsTheRunCancelled() throws Exception {
    agents.implementMillis = 5_000;
    PipelineWorkflow run = stub("run-cancel");
    WorkflowClient.start(run::run, input("run-cancel", PipelineOptions.defaults()));
    assertThat(agents.implementerStarted.await(20, TimeUnit.SECONDS)).isTrue();

    WorkflowStub.fromTyped(run).cancel();

    assertThatThrownBy(() -> result("run-cancel"))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    assertThat(agents.ends)
        .singleElement()
        .satisfies(
            end -> {
              assertThat(end.eventType()).isEqualTo("run.cancelled");
              assertThat(end.status()).isEqualTo(RunStatus.CANCELLED);
              assertThat(end.summary()).containsEntry("stage", "IMPLEMENTATION");
            });
    assertThat(lastEvent("run-cancel")).isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED);
  }

  @Test
  void exhaustedBudgetPausesUntilRaised() {
    agents.usagePerCall = new Usage(600, 400, 0.01);
    PipelineWorkflow run = stub("run-budget");
    WorkflowClient.start(
        run::run, input("run-budget", PipelineOptions.defaults().withBudget(1_500, 0)));

    PipelineState paused = awaitState(run, Awaiting.BUDGET_DECISION);
    assertThat(paused.tokens()).isGreaterThanOrEqualTo(1_500);
    assertThatThrownBy(() -> run.decideBudget(BudgetDecision.raiseTo(1_000, 0)))
        .isInstanceOf(WorkflowUpdateException.class);
    run.decideBudget(BudgetDecision.raiseTo(1_000_000, 0));

    PipelineResult result = result("run-budget");
    assertThat(result.outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(result.usage().totalTokens()).isEqualTo(1_000L * (2 + FakeAgents.PLAN.size() + 1));
    assertThat(agents.statuses).contains(RunStatus.PAUSED_BUDGET);
    assertThat(agents.eventTypes()).contains("budget.exhausted", "budget.raised");
  }

  @Test
  void exhaustedBudgetStopsTheRunWhenToldTo() {
    agents.usagePerCall = new Usage(0, 0, 0.50);
    PipelineWorkflow run = stub("run-budget-stop");
    WorkflowClient.start(
        run::run, input("run-budget-stop", PipelineOptions.defaults().withBudget(0, 0.40)));
    awaitState(run, Awaiting.BUDGET_DECISION);

    run.decideBudget(BudgetDecision.stopRun());

    assertThat(result("run-budget-stop").outcome()).isEqualTo(Outcome.BUDGET_STOPPED);
    assertThat(agents.designs).isEmpty();
  }

  @Test
  void nonRetryableAgentFailureFailsTheRunWithItsMessage() {
    agents.requirementsFailure =
        ApplicationFailure.newNonRetryableFailure(
            "no resources found in the prompt", "PromptNotUnderstood");

    assertThatThrownBy(() -> stub("run-fail").run(input("run-fail", PipelineOptions.defaults())))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause()
        .hasMessageContaining("no resources found in the prompt");
    assertThat(agents.ends)
        .singleElement()
        .satisfies(
            end -> {
              assertThat(end.eventType()).isEqualTo("run.failed");
              assertThat(end.summary())
                  .containsEntry("type", "PromptNotUnderstood")
                  .containsEntry("stage", "REQUIREMENTS");
            });
  }

  private static ReviewReport changes(String file, String rule) {
    return new ReviewReport(
        false,
        "changes needed",
        List.of(new ReviewIssue(Severity.BLOCKER, file, 3, rule, rule + " is violated")),
        List.of(new PatchRequest(file, "fix " + rule)));
  }

  private static PipelineOptions gated(ApprovalTimeoutAction onTimeout) {
    return new PipelineOptions(
        true,
        Duration.ofHours(2),
        onTimeout,
        3,
        4,
        0,
        0,
        PipelineOptions.defaults().models(),
        SandboxMode.OFF);
  }

  private static PipelineInput input(String runId, PipelineOptions options) {
    return new PipelineInput(runId, "A bookstore API with books (title, author)", options);
  }

  private PipelineWorkflow stub(String runId) {
    return client.newWorkflowStub(
        PipelineWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(runId).setTaskQueue(taskQueue).build());
  }

  private PipelineResult result(String runId) {
    return client.newUntypedWorkflowStub(runId).getResult(PipelineResult.class);
  }

  private EventType lastEvent(String runId) {
    return client.fetchHistory(runId).getLastEvent().getEventType();
  }

  private PipelineState awaitState(PipelineWorkflow run, Awaiting awaiting) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      PipelineState state = run.state();
      if (state.awaiting() == awaiting) {
        return state;
      }
      sleep();
    }
    throw new AssertionError("the run never waited for " + awaiting);
  }

  private void awaitDesigns(int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (agents.designs.size() < count && System.nanoTime() < deadline) {
      sleep();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
