package dev.forgeflow.workflows.pipeline;

import dev.forgeflow.workflows.artifacts.BundleRef;
import dev.forgeflow.workflows.implementer.ImplementMode;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.JournalActivities;
import dev.forgeflow.workflows.journal.RunEnd;
import dev.forgeflow.workflows.journal.RunStatus;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Workflow;
import java.util.function.Supplier;

/**
 * Where a run stands — stage, round, current bundle — as the Query shows it, the journal records it
 * and the search attributes index it; and how it ends. Deterministic: time comes from {@link
 * Workflow#currentTimeMillis()}.
 */
final class RunProgress {
  private final String runId;
  private final JournalActivities journal;
  private final RunIndex index;
  private final RunLog log;
  private final RunAnnouncement announcement;
  private Stage stage = Stage.QUEUED;
  private int round;
  private BundleRef bundle;
  private long startedAt;

  RunProgress(String runId, JournalActivities journal, RunIndex index, RunLog log) {
    this.runId = runId;
    this.journal = journal;
    this.index = index;
    this.log = log;
    this.announcement = new RunAnnouncement(runId);
  }

  void begin(PipelineInput input) {
    index.begin(input);
    startedAt = Workflow.currentTimeMillis();
    log.status(RunStatus.RUNNING);
    log.record(
        new Fact.RunStarted(input.options().approvalGate(), input.options().maxReviewRounds()));
  }

  /** Runs {@code work} as stage {@code next}, journalling its start and end. */
  <T> T stage(Stage next, Supplier<T> work) {
    enter(next);
    long began = Workflow.currentTimeMillis();
    log.record(new Fact.StageStarted(next.name(), round));
    T result = work.get();
    log.record(new Fact.StageCompleted(next.name(), round, Workflow.currentTimeMillis() - began));
    return result;
  }

  /** Journals the Docker host the run's sandbox work goes to. */
  void placed(String host, String previousHost) {
    log.record(new Fact.SandboxPlaced(host, previousHost));
  }

  /** Enters a stage without journalling it (the approval wait journals its own events). */
  void enter(Stage next) {
    stage = next;
    index.stage(next);
  }

  void round(int next) {
    if (next != round) {
      round = next;
      index.round(next);
    }
  }

  int round() {
    return round;
  }

  /** The project Requirements named, for the run's search attributes. */
  void named(String project) {
    index.project(project);
  }

  BundleRef bundle() {
    return bundle;
  }

  void bundleAssembled(BundleRef assembled, ImplementMode mode) {
    bundle = assembled;
    log.record(
        new Fact.CodeBundle(
            assembled.bundleId(), assembled.version(), assembled.fileCount(), mode.name()));
  }

  void stuck(String signature) {
    log.record(new Fact.ReviewStuck(round, signature, "rewrite"));
  }

  PipelineResult finish(PipelineResult result) {
    stage = Stage.DONE;
    RunStatus status =
        result.outcome() == Outcome.APPROVED ? RunStatus.SUCCEEDED : RunStatus.FAILED;
    ended(status);
    RunEnd end = RunEnd.of(runId, status, summary(result));
    journal.finish(end);
    announcement.announce(end, result.outcome().name(), result.verdict());
    return result;
  }

  void cancelled() {
    ended(RunStatus.CANCELLED);
    RunEnd end = RunEnd.of(runId, RunStatus.CANCELLED, new Fact.RunCancelled(stage.name(), round));
    Workflow.newDetachedCancellationScope(() -> journal.finish(end)).run();
    announcement.announce(
        end, RunStatus.CANCELLED.name(), "cancelled during " + stage.name().toLowerCase());
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
    RunEnd end =
        RunEnd.of(runId, RunStatus.FAILED, new Fact.RunFailed(stage.name(), round, type, message));
    journal.finish(end);
    String verdict = stage.name().toLowerCase() + " failed: " + message;
    announcement.announce(end, RunStatus.FAILED.name(), verdict);
    return ApplicationFailure.newNonRetryableFailureWithCause(verdict, type, failure);
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

  PipelineState state(ApprovalGate gate, BudgetGuard budget) {
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
}
