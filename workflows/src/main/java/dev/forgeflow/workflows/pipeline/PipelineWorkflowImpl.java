package dev.forgeflow.workflows.pipeline;

import dev.forgeflow.workflows.architecture.ArchitectureActivities;
import dev.forgeflow.workflows.architecture.ArchitectureInput;
import dev.forgeflow.workflows.architecture.ArchitectureResult;
import dev.forgeflow.workflows.artifacts.AgentModels;
import dev.forgeflow.workflows.artifacts.BundleRef;
import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.Usage;
import dev.forgeflow.workflows.implementer.AssembleInput;
import dev.forgeflow.workflows.implementer.ImplementFileInput;
import dev.forgeflow.workflows.implementer.ImplementMode;
import dev.forgeflow.workflows.implementer.ImplementedFile;
import dev.forgeflow.workflows.implementer.ImplementerActivities;
import dev.forgeflow.workflows.journal.JournalActivities;
import dev.forgeflow.workflows.requirements.CharterResult;
import dev.forgeflow.workflows.requirements.RequirementsActivities;
import dev.forgeflow.workflows.requirements.RequirementsInput;
import dev.forgeflow.workflows.retrieval.CodeIndexInput;
import dev.forgeflow.workflows.retrieval.RetrievalActivities;
import dev.forgeflow.workflows.retrieval.RetrievalAgent;
import dev.forgeflow.workflows.retrieval.RetrievalInput;
import dev.forgeflow.workflows.review.ReviewInput;
import dev.forgeflow.workflows.review.ReviewResult;
import dev.forgeflow.workflows.review.ReviewVerdict;
import dev.forgeflow.workflows.review.ReviewerActivities;
import dev.forgeflow.workflows.sandbox.CheckInput;
import dev.forgeflow.workflows.sandbox.DeployActivities;
import dev.forgeflow.workflows.sandbox.DeployInput;
import dev.forgeflow.workflows.sandbox.Deployment;
import dev.forgeflow.workflows.sandbox.HostedSandbox;
import dev.forgeflow.workflows.sandbox.SandboxActivities;
import dev.forgeflow.workflows.sandbox.TestReport;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Saga;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.util.List;
import java.util.Map;

/**
 * The pipeline as a script: Requirements, Architecture (with the optional approval gate), the
 * Implementer's parallel fan-out, review rounds with sandbox checks and repairs until approved,
 * stuck or out of rounds, then the deploy. Every activity is called from here; the sandbox's one
 * compensation lives in {@link #sandboxUndo}. Where the run stands and how it ends is kept by
 * {@link RunProgress}; the approval gate and the budget wait in {@link ApprovalGate} and {@link
 * BudgetGuard}, built with the run so that Updates find them from its first moment.
 */
public class PipelineWorkflowImpl implements PipelineWorkflow {

  /**
   * The change that placed each run's sandbox work on one Docker host's own queue (a {@code
   * getVersion} id); runs begun before it use the shared sandbox queue.
   */
  static final String SANDBOX_HOSTS_CHANGE = "sandbox-hosts";

  /** The change that made agents retrieve before they write (a {@code getVersion} id). */
  static final String RETRIEVAL_CHANGE = "retrieval";

  private final RequirementsActivities requirements =
      Workflow.newActivityStub(RequirementsActivities.class, PipelineActivities.REQUIREMENTS);
  private final ArchitectureActivities architect =
      Workflow.newActivityStub(ArchitectureActivities.class, PipelineActivities.AGENT);
  private final ImplementerActivities implementer =
      Workflow.newActivityStub(ImplementerActivities.class, PipelineActivities.AGENT);
  private final ImplementerActivities bundles =
      Workflow.newActivityStub(ImplementerActivities.class, PipelineActivities.STORE);
  private final ReviewerActivities reviewer =
      Workflow.newActivityStub(ReviewerActivities.class, PipelineActivities.AGENT);
  private final SandboxActivities sandbox =
      Workflow.newActivityStub(SandboxActivities.class, PipelineActivities.SANDBOX);
  private final DeployActivities deployer =
      Workflow.newActivityStub(DeployActivities.class, PipelineActivities.DEPLOY);
  private final JournalActivities journal =
      Workflow.newLocalActivityStub(JournalActivities.class, PipelineActivities.JOURNAL);
  private final RetrievalActivities retrieval =
      Workflow.newActivityStub(RetrievalActivities.class, PipelineActivities.RETRIEVAL);

  private final PipelineInput input;
  private final PipelineOptions options;
  private final RunProgress progress;
  private final ApprovalGate gate;
  private final BudgetGuard budget;
  private final Saga sandboxUndo = new Saga(new Saga.Options.Builder().build());
  private boolean sandboxUsed;
  private HostedSandbox hosted;
  private CharterResult charter;
  private String lastSignature;
  private boolean escalated;
  private boolean retrieving;
  private String architectureId;

  @WorkflowInit
  public PipelineWorkflowImpl(PipelineInput input) {
    this.input = input;
    this.options = input.options();
    RunIndex index = new RunIndex();
    RunLog log = new RunLog(journal, input.runId(), index);
    this.progress = new RunProgress(input.runId(), journal, index, log);
    this.gate = new ApprovalGate(log);
    this.budget = new BudgetGuard(log, options.budgetTokens(), options.budgetUsd());
  }

  @Override
  public PipelineResult run(PipelineInput sameAsInit) {
    progress.begin(input);
    // runs begun before retrieval existed replay without it
    retrieving =
        Workflow.getVersion(RETRIEVAL_CHANGE, Workflow.DEFAULT_VERSION, 1)
            != Workflow.DEFAULT_VERSION;
    try {
      charter = progress.stage(Stage.REQUIREMENTS, this::analyze);
      ArchitectureResult plan = approvedPlan();
      if (plan == null) {
        return progress.finish(result(Outcome.PLAN_REJECTED, "the plan was not approved", 0));
      }
      progress.stage(
          Stage.IMPLEMENTATION,
          () -> implement(plan, plan.filePlan(), ImplementMode.CREATE, Map.of()));
      return progress.finish(deployIfApproved(reviewRounds(plan)));
    } catch (BudgetStopped stopped) {
      undoSandbox();
      return progress.finish(result(Outcome.BUDGET_STOPPED, "stopped when the budget ran out", 0));
    } catch (CanceledFailure | ActivityFailure failure) {
      undoSandbox();
      throw ended(failure);
    }
  }

  private CharterResult analyze() {
    retrieve(RetrievalAgent.REQUIREMENTS);
    CharterResult analyzed =
        requirements.analyze(
            new RequirementsInput(input.runId(), input.prompt(), models().requirements()));
    budget.spend(analyzed.usage());
    return analyzed;
  }

  /** Designs until the plan is approved (at once without the gate); null if it is rejected. */
  private ArchitectureResult approvedPlan() {
    progress.named(charter.projectName());
    String feedback = null;
    boolean retrieved = false;
    while (true) {
      budget.ensure();
      String given = feedback;
      boolean first = !retrieved;
      retrieved = true;
      ArchitectureResult plan =
          progress.stage(
              Stage.ARCHITECTURE,
              () -> {
                if (first) {
                  retrieve(RetrievalAgent.ARCHITECTURE);
                }
                return architect.design(
                    new ArchitectureInput(
                        input.runId(), charter.charterId(), given, models().architecture()));
              });
      budget.spend(plan.usage());
      architectureId = plan.architectureId();
      if (!options.approvalGate()) {
        return plan;
      }
      progress.enter(Stage.APPROVAL);
      PlanDecision decision = gate.await(plan.architectureId(), options);
      if (decision instanceof PlanDecision.Approve) {
        return plan;
      }
      if (!(decision instanceof PlanDecision.Revise revise)) {
        return null;
      }
      feedback = revise.feedback();
    }
  }

  /** Checks and reviews each round's bundle, repairing it, until the round approves or blocks. */
  private RoundOutcome reviewRounds(ArchitectureResult plan) {
    for (int round = 1; ; round++) {
      budget.ensure();
      progress.round(round);
      TestReport tests = options.sandbox().checks() ? check(round) : null;
      ReviewInput asked =
          new ReviewInput(
              input.runId(),
              charter.charterId(),
              plan.architectureId(),
              progress.bundle().bundleId(),
              round,
              models().reviewer(),
              tests);
      boolean first = round == 1;
      ReviewResult review =
          progress.stage(
              Stage.REVIEW,
              () -> {
                if (first) {
                  retrieve(RetrievalAgent.REVIEWER);
                }
                return reviewer.review(asked);
              });
      budget.spend(review.usage());
      RoundOutcome outcome = judge(review, round, plan);
      if (!(outcome instanceof RoundOutcome.Repair repair)) {
        return outcome;
      }
      progress.round(round + 1);
      progress.stage(
          Stage.REPAIR,
          () ->
              implement(plan, repair.plan().files(), repair.mode(), repair.plan().instructions()));
    }
  }

  /**
   * What a review means for the run: approval; a patch of the named files; a rewrite when the same
   * failure comes back; or the end, when it comes back after a rewrite, the rounds are spent, or
   * the review names no file the Implementer may change.
   */
  private RoundOutcome judge(ReviewResult review, int round, ArchitectureResult plan) {
    if (!(ReviewVerdict.of(review.report()) instanceof ReviewVerdict.ChangesRequested changes)) {
      return new RoundOutcome.Approved(round);
    }
    int blocking = review.report().blockingIssues().size();
    ImplementMode mode = ImplementMode.PATCH;
    if (changes.signature().equals(lastSignature)) {
      if (escalated) {
        return new RoundOutcome.Blocked(
            Outcome.STUCK,
            "the same failure came back after a rewrite: " + changes.signature(),
            blocking);
      }
      escalated = true;
      mode = ImplementMode.REWRITE;
      progress.stuck(changes.signature());
    }
    if (round >= options.maxReviewRounds()) {
      return new RoundOutcome.Blocked(
          Outcome.CHANGES_REQUESTED, "not approved after " + round + " review rounds", blocking);
    }
    RepairPlan repair = RepairPlan.of(review.report(), plan.filePlan());
    if (repair.isEmpty()) {
      return new RoundOutcome.Blocked(
          Outcome.STUCK, "the review names no file the Implementer can change", blocking);
    }
    lastSignature = changes.signature();
    return new RoundOutcome.Repair(repair, mode, changes.signature());
  }

  /**
   * Builds and checks the current bundle in the sandbox. The first check opens the sandbox saga:
   * from then on, a run that does not end deployed removes what it made.
   */
  private TestReport check(int round) {
    if (!sandboxUsed) {
      sandboxUsed = true;
      boolean placing =
          Workflow.getVersion(SANDBOX_HOSTS_CHANGE, Workflow.DEFAULT_VERSION, 1)
              != Workflow.DEFAULT_VERSION;
      if (placing) {
        hosted = new HostedSandbox(input.runId(), progress::placed);
        sandboxUndo.addCompensation(this::removeFromHost);
      } else {
        sandboxUndo.addCompensation(deployer::removeRunResources, input.runId());
      }
    }
    CheckInput checking =
        new CheckInput(input.runId(), progress.bundle().bundleId(), round, charter.authRequired());
    return progress.stage(
        Stage.CHECKS,
        () ->
            hosted == null
                ? sandbox.check(checking)
                : hosted.call(on -> on.sandbox().check(checking)));
  }

  /**
   * Removes what the run made on its host. A host that no longer answers keeps it until it is back,
   * when its janitor removes what belongs to no live run.
   */
  private void removeFromHost() {
    if (hosted.host() == null) {
      return;
    }
    try {
      hosted.stubs().deployer().removeRunResources(input.runId());
    } catch (ActivityFailure failure) {
      if (!HostedSandbox.hostSilent(failure)) {
        throw failure;
      }
    }
  }

  /** An approved run in deploy mode runs its service; any other end undoes the sandbox steps. */
  private PipelineResult deployIfApproved(RoundOutcome outcome) {
    if (outcome instanceof RoundOutcome.Blocked blocked) {
      undoSandbox();
      return result(blocked.outcome(), blocked.verdict(), blocked.blockingIssues());
    }
    int round = ((RoundOutcome.Approved) outcome).round();
    PipelineResult approved = result(Outcome.APPROVED, "approved in review round " + round, 0);
    if (options.sandbox() != SandboxMode.DEPLOY) {
      undoSandbox();
      return approved;
    }
    DeployInput deploy =
        new DeployInput(input.runId(), approved.projectName(), progress.bundle().bundleId());
    try {
      Deployment deployed =
          progress.stage(
              Stage.DEPLOY,
              () ->
                  hosted == null
                      ? deployer.deploy(deploy)
                      : hosted.call(on -> on.deployer().deploy(deploy)));
      return approved.withDeploymentUrl(deployed.url());
    } catch (ActivityFailure failure) {
      if (!(failure.getCause() instanceof ApplicationFailure refused)
          || !DeployActivities.EGRESS_RULES_UNAVAILABLE.equals(refused.getType())) {
        throw failure;
      }
      // This runner may check but not deploy: the approved project stays approved, undeployed.
      undoSandbox();
      return approved.withVerdict(
          approved.verdict() + "; not deployed: " + refused.getOriginalMessage());
    }
  }

  private BundleRef implement(
      ArchitectureResult plan,
      List<PlannedFile> files,
      ImplementMode mode,
      Map<PlannedFile, List<String>> instructions) {
    BundleRef base = progress.bundle();
    String baseId = base == null ? null : base.bundleId();
    if (base == null) {
      retrieve(RetrievalAgent.IMPLEMENTER);
    }
    List<ImplementFileInput> inputs =
        files.stream()
            .map(
                file ->
                    new ImplementFileInput(
                        input.runId(),
                        charter.charterId(),
                        plan.architectureId(),
                        file,
                        mode,
                        baseId,
                        instructions.getOrDefault(file, List.of()),
                        progress.round(),
                        models().implementer()))
            .toList();
    List<ImplementedFile> written =
        new FileFanOut(options.implementerConcurrency())
            .run(
                inputs,
                file -> Async.function(implementer::implementFile, file),
                budget::ensure,
                done -> budget.spend(done.usage()));
    BundleRef bundle = bundles.assemble(new AssembleInput(input.runId(), baseId, written));
    progress.bundleAssembled(bundle, mode);
    if (retrieving) {
      retrieval.indexCode(new CodeIndexInput(input.runId(), bundle.bundleId()));
    }
    return bundle;
  }

  /** What the agent about to write reads first; kept by the activity for the agent to load. */
  private void retrieve(RetrievalAgent agent) {
    if (retrieving) {
      retrieval.retrieve(
          new RetrievalInput(
              input.runId(),
              agent,
              input.prompt(),
              charter == null ? null : charter.charterId(),
              architectureId));
    }
  }

  /** Undoes the sandbox steps, if any ran; safe in a cancelled run (detached scope). */
  private void undoSandbox() {
    if (sandboxUsed) {
      Workflow.newDetachedCancellationScope(sandboxUndo::compensate).run();
      sandboxUsed = false;
    }
  }

  /** Journals how the run stopped; what the workflow throws: the cancellation, or its failure. */
  private RuntimeException ended(RuntimeException failure) {
    CanceledFailure cancelled =
        failure instanceof CanceledFailure direct
            ? direct
            : failure.getCause() instanceof CanceledFailure cause ? cause : null;
    if (cancelled != null) {
      progress.cancelled();
      return cancelled;
    }
    return progress.failed((ActivityFailure) failure);
  }

  private PipelineResult result(Outcome outcome, String verdict, int blockingIssues) {
    BundleRef bundle = progress.bundle();
    Usage usage = budget.budget().spent();
    return new PipelineResult(
        outcome,
        charter == null ? null : charter.projectName(),
        bundle == null ? null : bundle.bundleId(),
        bundle == null ? 0 : bundle.version(),
        bundle == null ? 0 : bundle.fileCount(),
        progress.round(),
        blockingIssues,
        usage,
        verdict,
        null);
  }

  private AgentModels models() {
    return options.models();
  }

  @Override
  public PipelineState state() {
    return progress.state(gate, budget);
  }

  @Override
  public PipelineState decidePlan(PlanDecision decision) {
    gate.decide(decision);
    return state();
  }

  @Override
  public void validateDecidePlan(PlanDecision decision) {
    gate.validate(decision);
  }

  @Override
  public PipelineState decideBudget(BudgetDecision decision) {
    budget.decide(decision);
    return state();
  }

  @Override
  public void validateDecideBudget(BudgetDecision decision) {
    budget.validate(decision);
  }
}
