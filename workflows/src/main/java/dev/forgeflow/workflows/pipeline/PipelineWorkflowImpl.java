package dev.forgeflow.workflows.pipeline;

import dev.forgeflow.workflows.architecture.ArchitectureInput;
import dev.forgeflow.workflows.architecture.ArchitectureResult;
import dev.forgeflow.workflows.artifacts.BundleRef;
import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.Usage;
import dev.forgeflow.workflows.implementer.AssembleInput;
import dev.forgeflow.workflows.implementer.ImplementFileInput;
import dev.forgeflow.workflows.implementer.ImplementMode;
import dev.forgeflow.workflows.implementer.ImplementedFile;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.requirements.CharterResult;
import dev.forgeflow.workflows.requirements.RequirementsInput;
import dev.forgeflow.workflows.review.ReviewInput;
import dev.forgeflow.workflows.review.ReviewResult;
import dev.forgeflow.workflows.review.ReviewVerdict;
import dev.forgeflow.workflows.sandbox.DeployActivities;
import dev.forgeflow.workflows.sandbox.TestReport;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import java.util.List;
import java.util.Map;

/**
 * The pipeline as a script: Requirements, Architecture (with the optional approval gate), the
 * Implementer's parallel fan-out, then review and repair rounds until approved, stuck or out of
 * rounds. Journal writes, waits and budget pauses live in {@link PipelineSteps}.
 */
public class PipelineWorkflowImpl implements PipelineWorkflow {

  private final PipelineSteps steps = new PipelineSteps(new PipelineActivities());
  private PipelineInput input;
  private CharterResult charter;

  @Override
  public PipelineResult run(PipelineInput input) {
    this.input = input;
    steps.begin(input);
    try {
      return steps.finish(deployIfApproved(script()));
    } catch (BudgetStopped stopped) {
      steps.compensateSandbox();
      return steps.finish(result(Outcome.BUDGET_STOPPED, "stopped when the budget ran out"));
    } catch (CanceledFailure cancelled) {
      steps.compensateSandbox();
      steps.cancelled();
      throw cancelled;
    } catch (ActivityFailure failure) {
      steps.compensateSandbox();
      if (failure.getCause() instanceof CanceledFailure cancelled) {
        steps.cancelled();
        throw cancelled;
      }
      throw steps.failed(failure);
    }
  }

  /** An approved run in deploy mode runs its service; any other end undoes the sandbox steps. */
  private PipelineResult deployIfApproved(PipelineResult result) {
    if (result.outcome() != Outcome.APPROVED || input.options().sandbox() != SandboxMode.DEPLOY) {
      steps.compensateSandbox();
      return result;
    }
    try {
      return result.withDeploymentUrl(steps.deploy(result.projectName()).url());
    } catch (ActivityFailure failure) {
      if (!(failure.getCause() instanceof ApplicationFailure refused)
          || !DeployActivities.EGRESS_RULES_UNAVAILABLE.equals(refused.getType())) {
        throw failure;
      }
      // This runner may check but not deploy: the approved project stays approved, undeployed.
      steps.compensateSandbox();
      return result.withVerdict(
          result.verdict() + "; not deployed: " + refused.getOriginalMessage());
    }
  }

  private PipelineResult script() {
    charter =
        steps.stage(
            Stage.REQUIREMENTS,
            () ->
                steps
                    .activities()
                    .requirements
                    .analyze(
                        new RequirementsInput(
                            input.runId(), input.prompt(), models().requirements())));
    steps.spend(charter.usage());
    steps.named(charter.projectName());
    ArchitectureResult architecture = designUntilApproved();
    if (architecture == null) {
      return result(Outcome.PLAN_REJECTED, "the plan was not approved");
    }
    steps.stage(
        Stage.IMPLEMENTATION,
        () -> implement(architecture, architecture.filePlan(), ImplementMode.CREATE, Map.of()));
    return reviewLoop(architecture);
  }

  private ArchitectureResult designUntilApproved() {
    String feedback = null;
    while (true) {
      steps.ensureBudget();
      String given = feedback;
      ArchitectureResult architecture =
          steps.stage(
              Stage.ARCHITECTURE,
              () ->
                  steps
                      .activities()
                      .architecture
                      .design(
                          new ArchitectureInput(
                              input.runId(), charter.charterId(), given, models().architecture())));
      steps.spend(architecture.usage());
      if (!input.options().approvalGate()) {
        return architecture;
      }
      PlanDecision decision =
          steps.awaitPlanDecision(architecture.architectureId(), input.options());
      if (decision.approve()) {
        return architecture;
      }
      if (decision.feedback() == null) {
        return null;
      }
      feedback = decision.feedback();
    }
  }

  private PipelineResult reviewLoop(ArchitectureResult architecture) {
    String lastSignature = null;
    boolean escalated = false;
    for (int round = 1; ; round++) {
      steps.ensureBudget();
      TestReport tests = input.options().sandbox().checks() ? steps.check(round) : null;
      ReviewResult review =
          steps.review(
              new ReviewInput(
                  input.runId(),
                  charter.charterId(),
                  architecture.architectureId(),
                  steps.bundle().bundleId(),
                  round,
                  models().reviewer(),
                  tests));
      steps.spend(review.usage());
      if (ReviewVerdict.of(review.report()) instanceof ReviewVerdict.ChangesRequested changes) {
        ImplementMode mode = ImplementMode.PATCH;
        if (changes.signature().equals(lastSignature)) {
          if (escalated) {
            return blocked(
                Outcome.STUCK,
                review,
                "the same failure came back after a rewrite: " + changes.signature());
          }
          escalated = true;
          mode = ImplementMode.REWRITE;
          steps.record(new Fact.ReviewStuck(round, changes.signature(), "rewrite"));
        }
        if (round >= input.options().maxReviewRounds()) {
          return blocked(
              Outcome.CHANGES_REQUESTED, review, "not approved after " + round + " review rounds");
        }
        RepairPlan repair = RepairPlan.of(review.report(), architecture.filePlan());
        if (repair.isEmpty()) {
          return blocked(
              Outcome.STUCK, review, "the review names no file the Implementer can change");
        }
        lastSignature = changes.signature();
        ImplementMode chosen = mode;
        steps.nextRound(round + 1);
        steps.stage(
            Stage.REPAIR,
            () -> implement(architecture, repair.files(), chosen, repair.instructions()));
      } else {
        return result(Outcome.APPROVED, "approved in review round " + round);
      }
    }
  }

  private BundleRef implement(
      ArchitectureResult architecture,
      List<PlannedFile> files,
      ImplementMode mode,
      Map<PlannedFile, List<String>> instructions) {
    BundleRef base = steps.bundle();
    List<ImplementFileInput> inputs =
        files.stream()
            .map(
                file ->
                    new ImplementFileInput(
                        input.runId(),
                        charter.charterId(),
                        architecture.architectureId(),
                        file,
                        mode,
                        base == null ? null : base.bundleId(),
                        instructions.getOrDefault(file, List.of()),
                        steps.round(),
                        models().implementer()))
            .toList();
    List<ImplementedFile> written =
        new FileFanOut(steps.activities().implementer, input.options().implementerConcurrency())
            .run(inputs, steps::ensureBudget, file -> steps.spend(file.usage()));
    BundleRef bundle =
        steps
            .activities()
            .bundles
            .assemble(
                new AssembleInput(input.runId(), base == null ? null : base.bundleId(), written));
    steps.bundleAssembled(bundle, mode);
    return bundle;
  }

  private PipelineResult blocked(Outcome outcome, ReviewResult review, String verdict) {
    return result(outcome, verdict, review.report().blockingIssues().size());
  }

  private PipelineResult result(Outcome outcome, String verdict) {
    return result(outcome, verdict, 0);
  }

  private PipelineResult result(Outcome outcome, String verdict, int blockingIssues) {
    BundleRef bundle = steps.bundle();
    Usage usage = steps.spent();
    return new PipelineResult(
        outcome,
        charter == null ? null : charter.projectName(),
        bundle == null ? null : bundle.bundleId(),
        bundle == null ? 0 : bundle.version(),
        bundle == null ? 0 : bundle.fileCount(),
        steps.round(),
        blockingIssues,
        usage,
        verdict,
        null);
  }

  private dev.forgeflow.workflows.artifacts.AgentModels models() {
    return input.options().models();
  }

  @Override
  public PipelineState state() {
    return steps.state();
  }

  @Override
  public PipelineState decidePlan(PlanDecision decision) {
    return steps.decidePlan(decision);
  }

  @Override
  public void validateDecidePlan(PlanDecision decision) {
    steps.validatePlanDecision(decision);
  }

  @Override
  public PipelineState decideBudget(BudgetDecision decision) {
    return steps.decideBudget(decision);
  }

  @Override
  public void validateDecideBudget(BudgetDecision decision) {
    steps.validateBudgetDecision(decision);
  }
}
