package dev.forgeflow.workflows.pipeline;

import dev.forgeflow.workflows.artifacts.Usage;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.RunStatus;
import io.temporal.workflow.Workflow;

/**
 * Counts what a run spends and pauses it when the budget is out, until the {@code decideBudget}
 * Update raises the limits or stops the run.
 */
final class BudgetGuard {
  private final RunLog log;
  private final Budget budget;
  private BudgetDecision decision;
  private boolean waiting;

  BudgetGuard(RunLog log, long limitTokens, double limitUsd) {
    this.log = log;
    this.budget = new Budget(limitTokens, limitUsd);
  }

  void spend(Usage usage) {
    budget.spend(usage);
  }

  /** Returns at once while the budget lasts; else waits, then goes on or throws if stopped. */
  void ensure() {
    if (!budget.exhausted()) {
      return;
    }
    waiting = true;
    log.status(RunStatus.PAUSED_BUDGET);
    log.record(
        new Fact.BudgetExhausted(
            budget.spent().totalTokens(),
            budget.spent().costUsd(),
            budget.limitTokens(),
            budget.limitUsd()));
    Workflow.await(() -> decision != null);
    BudgetDecision answer = decision;
    decision = null;
    waiting = false;
    if (answer.stop()) {
      log.record(new Fact.BudgetStopped(budget.spent().totalTokens()));
      throw new BudgetStopped();
    }
    budget.raise(answer.budgetTokens(), answer.budgetUsd());
    log.record(new Fact.BudgetRaised(answer.budgetTokens(), answer.budgetUsd()));
    log.status(RunStatus.RUNNING);
  }

  void decide(BudgetDecision answer) {
    decision = answer;
  }

  void validate(BudgetDecision answer) {
    if (!waiting) {
      throw new IllegalStateException("the run is not paused for its budget");
    }
    if (!answer.stop() && !budget.wouldAllow(answer.budgetTokens(), answer.budgetUsd())) {
      throw new IllegalArgumentException(
          "the new budget is already spent: "
              + budget.spent().totalTokens()
              + " tokens, $"
              + budget.spent().costUsd());
    }
  }

  boolean waiting() {
    return waiting;
  }

  Budget budget() {
    return budget;
  }
}
