package dev.forgeflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.pipeline.BudgetDecision;
import dev.forgeflow.workflows.pipeline.PlanDecision;
import java.util.function.BooleanSupplier;

/** The questions a run asks its user: approve the plan, and what to do when the budget is out. */
final class Questions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RunPort runs;
  private final Terminal terminal;

  Questions(RunPort runs, Terminal terminal) {
    this.runs = runs;
    this.terminal = terminal;
  }

  /**
   * The question still open after {@code event}, given the one open before it: a plan or budget
   * question is open from its request until the event that answers it.
   */
  static JournalEventView stillOpen(JournalEventView open, JournalEventView event) {
    return switch (event.type()) {
      case Fact.ApprovalRequested.TYPE, Fact.BudgetExhausted.TYPE -> event;
      case Fact.ApprovalDecided.TYPE,
          Fact.ApprovalTimedOut.TYPE,
          Fact.BudgetRaised.TYPE,
          Fact.BudgetStopped.TYPE ->
          null;
      default -> open;
    };
  }

  /** Asks until answered, input ends, or {@code open} says the run has closed meanwhile. */
  void plan(String runId, String architectureId, BooleanSupplier open) {
    showPlan(runId, architectureId);
    String answer =
        terminal.ask(
            "Approve this plan? Press Enter or type 'y' to approve, or type feedback: ", open);
    if (answer == null && !open.getAsBoolean()) {
      return;
    }
    if (answer == null) {
      terminal.println("no answer (input closed): cancelling the run");
      runs.cancel(runId);
      return;
    }
    boolean approve =
        answer.isEmpty() || answer.equalsIgnoreCase("y") || answer.equalsIgnoreCase("yes");
    try {
      runs.decidePlan(runId, approve ? PlanDecision.approved() : PlanDecision.changes(answer));
      terminal.println(approve ? "plan approved" : "feedback sent: Architecture runs again");
    } catch (RunPort.Refused refused) {
      terminal.println("refused: " + refused.getMessage());
    }
  }

  void budget(String runId, BooleanSupplier open) {
    while (true) {
      String answer =
          terminal.ask("Budget exhausted. New limit ('<tokens>' or '$<usd>'), or 'stop': ", open);
      if (answer == null && !open.getAsBoolean()) {
        return;
      }
      if (answer == null || answer.equalsIgnoreCase("stop")) {
        runs.decideBudget(runId, BudgetDecision.stopRun());
        return;
      }
      try {
        BudgetDecision decision = budgetDecision(answer);
        runs.decideBudget(runId, decision);
        return;
      } catch (NumberFormatException e) {
        terminal.println("not a positive number: " + answer);
      } catch (RunPort.Refused refused) {
        terminal.println("refused: " + refused.getMessage());
      }
    }
  }

  private static BudgetDecision budgetDecision(String answer) {
    if (answer.startsWith("$")) {
      double usd = Double.parseDouble(answer.substring(1));
      if (!Double.isFinite(usd) || usd <= 0) {
        throw new NumberFormatException(answer);
      }
      return BudgetDecision.raiseTo(0, usd);
    }
    long tokens = Long.parseLong(answer);
    if (tokens <= 0) {
      throw new NumberFormatException(answer);
    }
    return BudgetDecision.raiseTo(tokens, 0);
  }

  private void showPlan(String runId, String architectureId) {
    try {
      JsonNode architecture = JSON.readTree(runs.artifact(runId, architectureId));
      terminal.println("── plan ──");
      architecture
          .path("components")
          .forEach(
              c ->
                  terminal.println(
                      "  component "
                          + c.path("name").asText()
                          + ": "
                          + c.path("responsibility").asText()));
      architecture
          .path("endpoints")
          .forEach(
              e ->
                  terminal.println(
                      "  " + e.path("method").asText() + " " + e.path("path").asText()));
      architecture
          .path("filePlan")
          .forEach(
              f ->
                  terminal.println(
                      "  file " + f.path("path").asText() + " — " + f.path("purpose").asText()));
    } catch (Exception e) {
      terminal.println("(could not show the plan: " + Explanations.brief(e) + ")");
    }
  }
}
