package dev.forgeflow.gateway;

import dev.forgeflow.store.RunRecord;
import dev.forgeflow.workflows.pipeline.BudgetDecision;
import dev.forgeflow.workflows.pipeline.PipelineOptions;
import dev.forgeflow.workflows.pipeline.PipelineState;
import dev.forgeflow.workflows.pipeline.PlanDecision;
import java.util.List;
import java.util.Optional;

/**
 * What the gateway asks of the pipeline's workflows: the port the server that runs them (the
 * orchestrator) implements. Every method may block (Temporal calls): callers keep it off the event
 * loop.
 */
public interface Pipelines {

  /** What the server makes of asked options, e.g. no sandbox steps where it has no Docker. */
  PipelineOptions admit(PipelineOptions asked);

  /** Why the server refuses to run this prompt with these options, if it does. */
  Optional<String> refusal(String prompt, PipelineOptions options);

  /**
   * Starts the stored run's workflow (workflow id = run id) for its owner, named {@code ownerName}
   * where operators look. Starting a run that has started already changes nothing.
   */
  void start(RunRecord run, String ownerName, PipelineOptions options);

  /**
   * How the run's workflow closed, or empty while it is open (or unknown). Lets a client notice a
   * workflow that closed without journalling its end, e.g. one terminated from Temporal's tools.
   */
  Optional<WorkflowClosure> closure(String runId);

  /**
   * How a workflow closed.
   *
   * @param status Temporal's word for it: COMPLETED, FAILED, CANCELED, TERMINATED, TIMED_OUT
   * @param reason why, when known; empty otherwise
   */
  record WorkflowClosure(String status, String reason) {}

  /** The run's state as its workflow answers it; empty when the workflow is gone. */
  Optional<PipelineState> state(String runId);

  /**
   * Approves the run's plan or asks for changes.
   *
   * @throws NotWaitingException if the run is not waiting for that decision
   */
  PipelineState decidePlan(String runId, PlanDecision decision);

  /**
   * Raises a paused run's budget, or stops it.
   *
   * @throws NotWaitingException if the run is not paused by its budget
   */
  PipelineState decideBudget(String runId, BudgetDecision decision);

  /** Asks the run to stop; it journals its cancellation once it has. Harmless on an ended run. */
  void cancel(String runId);

  /**
   * Ends what a deleted project leaves running: cancels those of its runs that have not ended,
   * stops its runs' deployments and removes their images.
   */
  void retire(String projectId, List<RunRecord> runs);

  /** Whether the workflow service answers now (within a few seconds). */
  boolean reachable();

  /** Whether runs use the offline planner, since no model is configured. */
  boolean offline();

  /** What this server runs on, in words for people. */
  ServerInfo info();

  /**
   * What a server runs on.
   *
   * @param offlinePlanner true when no model is configured and the offline planner plans
   * @param planner the planner or model, e.g. "offline planner — no model configured"
   * @param sandbox the sandbox, or why there is none
   * @param temporal the workflow service
   * @param temporalWeb Temporal Web's base URL, or null when unknown
   * @param namespace the Temporal namespace runs live in
   */
  record ServerInfo(
      boolean offlinePlanner,
      String planner,
      String sandbox,
      String temporal,
      String temporalWeb,
      String namespace) {}

  /** A decision the run is not waiting for. */
  final class NotWaitingException extends RuntimeException {
    public NotWaitingException(String message) {
      super(message);
    }
  }
}
