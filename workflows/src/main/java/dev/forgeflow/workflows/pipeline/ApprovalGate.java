package dev.forgeflow.workflows.pipeline;

import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.RunStatus;
import io.temporal.workflow.Workflow;

/**
 * The plan approval gate: waits, durably, for the {@code decidePlan} Update; a wait that runs out
 * follows the options' timeout policy.
 */
final class ApprovalGate {
  private final RunLog log;
  private PlanDecision decision;
  private boolean waiting;

  ApprovalGate(RunLog log) {
    this.log = log;
  }

  /** The decision; {@code approve == false} with null feedback means the plan was rejected. */
  PlanDecision await(String architectureId, PipelineOptions options) {
    waiting = true;
    log.status(RunStatus.AWAITING_APPROVAL);
    log.record(new Fact.ApprovalRequested(architectureId, options.approvalTimeout().toSeconds()));
    boolean answered = Workflow.await(options.approvalTimeout(), () -> decision != null);
    PlanDecision answer = decision;
    decision = null;
    waiting = false;
    if (!answered) {
      log.record(new Fact.ApprovalTimedOut(options.onApprovalTimeout().name()));
      answer =
          options.onApprovalTimeout() == ApprovalTimeoutAction.APPROVE
              ? PlanDecision.approved()
              : PlanDecision.rejected();
    } else {
      log.record(new Fact.ApprovalDecided(answer.approve(), answer.feedback()));
    }
    if (answer.approve() || answer.feedback() != null) {
      log.status(RunStatus.RUNNING);
    }
    return answer;
  }

  void decide(PlanDecision answer) {
    decision = answer;
  }

  void validate(PlanDecision answer) {
    if (!waiting) {
      throw new IllegalStateException("the run is not waiting for plan approval");
    }
    if (!answer.approve() && (answer.feedback() == null || answer.feedback().isBlank())) {
      throw new IllegalArgumentException("requesting changes needs feedback for Architecture");
    }
  }

  boolean waiting() {
    return waiting;
  }
}
