package dev.forgeflow.workflows.pipeline;

/** Answer to a paused run: raise the budget to new limits (0 = none), or stop the run. */
public record BudgetDecision(boolean stop, long budgetTokens, double budgetUsd) {
  public static BudgetDecision raiseTo(long tokens, double usd) {
    return new BudgetDecision(false, tokens, usd);
  }

  public static BudgetDecision stopRun() {
    return new BudgetDecision(true, 0, 0);
  }
}
