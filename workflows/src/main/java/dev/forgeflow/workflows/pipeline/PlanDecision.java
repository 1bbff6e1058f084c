package dev.forgeflow.workflows.pipeline;

/** The approval gate's answer: approve, or request changes with feedback for Architecture. */
public record PlanDecision(boolean approve, String feedback) {
  public static PlanDecision approved() {
    return new PlanDecision(true, null);
  }

  public static PlanDecision changes(String feedback) {
    return new PlanDecision(false, feedback);
  }
}
