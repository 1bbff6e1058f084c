package dev.forgeflow.workflows.pipeline;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One run of the pipeline. The workflow id is the run id. Cancelling the workflow cancels the run
 * at whatever step it is in and journals {@code run.cancelled}.
 */
@WorkflowInterface
public interface PipelineWorkflow {

  String TASK_QUEUE = "forgeflow-pipeline";

  @WorkflowMethod
  PipelineResult run(PipelineInput input);

  /** The current stage, round, bundle version, tokens and cost. */
  @QueryMethod
  PipelineState state();

  /** Answers the approval gate; refused unless the run is waiting for it. */
  @UpdateMethod
  PipelineState decidePlan(PlanDecision decision);

  @UpdateValidatorMethod(updateName = "decidePlan")
  void validateDecidePlan(PlanDecision decision);

  /** Raises a paused run's budget or stops it; refused unless the run is paused for budget. */
  @UpdateMethod
  PipelineState decideBudget(BudgetDecision decision);

  @UpdateValidatorMethod(updateName = "decideBudget")
  void validateDecideBudget(BudgetDecision decision);
}
