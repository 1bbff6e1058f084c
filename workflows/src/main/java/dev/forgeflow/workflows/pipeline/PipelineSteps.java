package dev.forgeflow.workflows.pipeline;

import dev.forgeflow.workflows.artifacts.BundleRef;
import dev.forgeflow.workflows.artifacts.Usage;
import dev.forgeflow.workflows.implementer.ImplementMode;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.RunEnd;
import dev.forgeflow.workflows.journal.RunStatus;
import dev.forgeflow.workflows.review.ReviewInput;
import dev.forgeflow.workflows.review.ReviewResult;
import dev.forgeflow.workflows.sandbox.CheckInput;
import dev.forgeflow.workflows.sandbox.DeployInput;
import dev.forgeflow.workflows.sandbox.Deployment;
import dev.forgeflow.workflows.sandbox.TestReport;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Saga;
import io.temporal.workflow.Workflow;
import java.util.function.Supplier;

/**
 * The pipeline's bookkeeping: its state for the Query, stage events, the approval gate and budget
 * waits, and the run's end. Deterministic: time comes from {@link Workflow#currentTimeMillis()}.
 */
final class PipelineSteps {
  private final PipelineActivities activities;
  private String runId;
  private RunLog log;
  private RunIndex index = RunIndex.off();
  private BudgetGuard budget = new BudgetGuard(null, 0, 0);
  private ApprovalGate gate = new ApprovalGate(null);
  private Stage stage = Stage.QUEUED;
  private int round;
  private BundleRef bundle;
  private long startedAt;
  private boolean sandboxUsed;
  private final Saga saga = new Saga(new Saga.Options.Builder().build());

  PipelineSteps(PipelineActivities activities) {
    this.activities = activities;
  }

  PipelineActivities activities() {
    return activities;
  }

  void begin(PipelineInput input) {
    runId = input.runId();
    index = RunIndex.of(input);
    log = new RunLog(activities.journal, runId, index);
    budget = new BudgetGuard(log, input.options().budgetTokens(), input.options().budgetUsd());
    gate = new ApprovalGate(log);
    startedAt = Workflow.currentTimeMillis();
    log.status(RunStatus.RUNNING);
    record(new Fact.RunStarted(input.options().approvalGate(), input.options().maxReviewRounds()));
  }

  <T> T stage(Stage next, Supplier<T> work) {
    stage = next;
    index.stage(next);
    long began = Workflow.currentTimeMillis();
    record(new Fact.StageStarted(next.name(), round));
    T result = work.get();
    record(new Fact.StageCompleted(next.name(), round, Workflow.currentTimeMillis() - began));
    return result;
  }

  ReviewResult review(ReviewInput input) {
    setRound(input.round());
    return stage(Stage.REVIEW, () -> activities.reviewer.review(input));
  }

  /**
   * Builds and checks the current bundle in the sandbox, in the CHECKS stage. The first check opens
   * the sandbox saga: from then on, a run that does not end deployed removes what it made.
   */
  TestReport check(int reviewRound) {
    if (!sandboxUsed) {
      sandboxUsed = true;
      saga.addCompensation(activities.deploy::removeRunResources, runId);
    }
    setRound(reviewRound);
    return stage(
        Stage.CHECKS,
        () -> activities.sandbox.check(new CheckInput(runId, bundle.bundleId(), reviewRound)));
  }

  /** Runs the approved bundle as the project's service, in the DEPLOY stage. */
  Deployment deploy(String project) {
    return stage(
        Stage.DEPLOY,
        () -> activities.deploy.deploy(new DeployInput(runId, project, bundle.bundleId())));
  }

  /** Undoes the sandbox steps, if any ran; safe in a cancelled run (detached scope). */
  void compensateSandbox() {
    if (sandboxUsed) {
      Workflow.newDetachedCancellationScope(saga::compensate).run();
      sandboxUsed = false;
    }
  }

  void nextRound(int next) {
    setRound(next);
  }

  private void setRound(int next) {
    if (next != round) {
      round = next;
      index.round(next);
    }
  }

  /** The project Requirements named, for the run's search attributes. */
  void named(String project) {
    index.project(project);
  }

  int round() {
    return round;
  }

  BundleRef bundle() {
    return bundle;
  }

  void bundleAssembled(BundleRef assembled, ImplementMode mode) {
    bundle = assembled;
    record(
        new Fact.CodeBundle(
            assembled.bundleId(), assembled.version(), assembled.fileCount(), mode.name()));
  }

  void spend(Usage usage) {
    budget.spend(usage);
  }

  Usage spent() {
    return budget.budget().spent();
  }

  void record(Fact.WorkflowFact fact) {
    log.record(fact);
  }

  /** Pauses the run while its budget is exhausted; returns once raised, throws if stopped. */
  void ensureBudget() {
    budget.ensure();
  }

  /** Waits at the approval gate; a timed-out wait follows the options' policy. */
  PlanDecision awaitPlanDecision(String architectureId, PipelineOptions options) {
    stage = Stage.APPROVAL;
    index.stage(Stage.APPROVAL);
    return gate.await(architectureId, options);
  }

  PipelineResult finish(PipelineResult result) {
    stage = Stage.DONE;
    RunStatus status =
        result.outcome() == Outcome.APPROVED ? RunStatus.SUCCEEDED : RunStatus.FAILED;
    ended(status);
    activities.journal.finish(RunEnd.of(runId, status, summary(result)));
    return result;
  }

  void cancelled() {
    ended(RunStatus.CANCELLED);
    Workflow.newDetachedCancellationScope(
            () ->
                activities.journal.finish(
                    RunEnd.of(
                        runId, RunStatus.CANCELLED, new Fact.RunCancelled(stage.name(), round))))
        .run();
  }

  /** Journals the failure and returns what the workflow throws: a non-retryable failure. */
  ApplicationFailure failed(ActivityFailure failure) {
    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
    String type = cause instanceof ApplicationFailure app ? app.getType() : "ActivityFailed";
    String message =
        cause instanceof TemporalFailure temporal
            ? temporal.getOriginalMessage()
            : String.valueOf(cause.getMessage());
    ended(RunStatus.FAILED);
    activities.journal.finish(
        RunEnd.of(runId, RunStatus.FAILED, new Fact.RunFailed(stage.name(), round, type, message)));
    return ApplicationFailure.newNonRetryableFailureWithCause(
        stage.name().toLowerCase() + " failed: " + message, type, failure);
  }

  private void ended(RunStatus status) {
    index.stage(Stage.DONE);
    index.status(status);
  }

  private Fact.RunCompleted summary(PipelineResult result) {
    return new Fact.RunCompleted(
        result.outcome().name(),
        result.verdict(),
        result.rounds(),
        result.fileCount(),
        result.bundleVersion(),
        result.bundleId(),
        result.deploymentUrl(),
        result.projectName(),
        result.blockingIssues(),
        result.usage().promptTokens(),
        result.usage().completionTokens(),
        result.usage().costUsd(),
        Workflow.currentTimeMillis() - startedAt);
  }

  PipelineState state() {
    Budget spent = budget.budget();
    Awaiting awaiting =
        gate.waiting()
            ? Awaiting.PLAN_APPROVAL
            : budget.waiting() ? Awaiting.BUDGET_DECISION : Awaiting.NOTHING;
    return new PipelineState(
        stage,
        round,
        bundle == null ? 0 : bundle.version(),
        bundle == null ? null : bundle.bundleId(),
        spent.spent().totalTokens(),
        spent.spent().costUsd(),
        spent.limitTokens(),
        spent.limitUsd(),
        awaiting);
  }

  PipelineState decidePlan(PlanDecision decision) {
    gate.decide(decision);
    return state();
  }

  void validatePlanDecision(PlanDecision decision) {
    gate.validate(decision);
  }

  PipelineState decideBudget(BudgetDecision decision) {
    budget.decide(decision);
    return state();
  }

  void validateBudgetDecision(BudgetDecision decision) {
    budget.validate(decision);
  }
}
