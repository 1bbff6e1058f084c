package dev.forgeflow.workflows.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The approval gate's answer: approve the plan, revise it with feedback for Architecture, or reject
 * it (what a timed-out gate does when its policy says so). On the wire, as the {@code decidePlan}
 * Update's argument and in stored histories, it is {@code {"approve": bool, "feedback": text}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface PlanDecision
    permits PlanDecision.Approve, PlanDecision.Revise, PlanDecision.Reject {

  @JsonProperty("approve")
  boolean approve();

  @JsonProperty("feedback")
  String feedback();

  /** Build the plan as it is. */
  record Approve() implements PlanDecision {
    @Override
    public boolean approve() {
      return true;
    }

    @Override
    public String feedback() {
      return null;
    }
  }

  /** Design the plan again, with this feedback. */
  record Revise(String feedback) implements PlanDecision {
    @Override
    public boolean approve() {
      return false;
    }
  }

  /** Build nothing: the run ends with its plan rejected. */
  record Reject() implements PlanDecision {
    @Override
    public boolean approve() {
      return false;
    }

    @Override
    public String feedback() {
      return null;
    }
  }

  static PlanDecision approved() {
    return new Approve();
  }

  static PlanDecision changes(String feedback) {
    return new Revise(feedback);
  }

  static PlanDecision rejected() {
    return new Reject();
  }

  /** The decision its wire form states. */
  @JsonCreator
  static PlanDecision of(
      @JsonProperty("approve") boolean approve, @JsonProperty("feedback") String feedback) {
    if (approve) {
      return new Approve();
    }
    return feedback == null ? new Reject() : new Revise(feedback);
  }
}
