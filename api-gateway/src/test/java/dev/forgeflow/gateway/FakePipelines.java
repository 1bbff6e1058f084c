package dev.forgeflow.gateway;

import dev.forgeflow.store.RunRecord;
import dev.forgeflow.workflows.pipeline.Awaiting;
import dev.forgeflow.workflows.pipeline.BudgetDecision;
import dev.forgeflow.workflows.pipeline.PipelineOptions;
import dev.forgeflow.workflows.pipeline.PipelineState;
import dev.forgeflow.workflows.pipeline.PlanDecision;
import dev.forgeflow.workflows.pipeline.SandboxMode;
import dev.forgeflow.workflows.pipeline.Stage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake of the workflows behind the gateway: it starts nothing, but records what the gateway
 * asked, answers state queries from what it was told, and refuses decisions a run is not waiting
 * for, as the real workflow's Update validators do.
 */
final class FakePipelines implements Pipelines {

  /** A start the gateway asked for. */
  record Start(String runId, String ownerName, PipelineOptions options) {}

  final List<Start> starts = new CopyOnWriteArrayList<>();
  final List<String> cancelled = new CopyOnWriteArrayList<>();
  final List<PlanDecision> planDecisions = new CopyOnWriteArrayList<>();
  final List<BudgetDecision> budgetDecisions = new CopyOnWriteArrayList<>();
  final Map<String, List<String>> retired = new ConcurrentHashMap<>();
  private final Map<String, Awaiting> awaiting = new ConcurrentHashMap<>();
  volatile boolean dockerAvailable = true;
  volatile boolean startFails;

  /** From now on the run waits for this decision. */
  void await(String runId, Awaiting what) {
    awaiting.put(runId, what);
  }

  @Override
  public PipelineOptions admit(PipelineOptions asked) {
    return dockerAvailable ? asked : asked.withSandbox(SandboxMode.OFF);
  }

  @Override
  public Optional<String> refusal(String prompt, PipelineOptions options) {
    return prompt.isBlank()
        ? Optional.of("the prompt is empty: describe the service to build")
        : Optional.empty();
  }

  @Override
  public void start(RunRecord run, String ownerName, PipelineOptions options) {
    if (startFails) {
      throw new IllegalStateException("no workflow service");
    }
    if (starts.stream().noneMatch(start -> start.runId().equals(run.id()))) {
      starts.add(new Start(run.id(), ownerName, options));
    }
  }

  final Map<String, WorkflowClosure> closures = new ConcurrentHashMap<>();

  @Override
  public Optional<WorkflowClosure> closure(String runId) {
    return Optional.ofNullable(closures.get(runId));
  }

  @Override
  public Optional<PipelineState> state(String runId) {
    return Optional.of(state(awaiting.getOrDefault(runId, Awaiting.NOTHING)));
  }

  private static PipelineState state(Awaiting what) {
    return new PipelineState(Stage.ARCHITECTURE, 0, 0, null, 120, 0.0, 0, 0.0, what);
  }

  /** How long a decision, once taken, takes to be answered (a slow workflow service). */
  volatile long decisionAnswerMillis;

  /** Like a blocking gRPC call, an interrupted wait fails the call. */
  private void answerSlowly() {
    try {
      Thread.sleep(decisionAnswerMillis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the answer", interrupted);
    }
  }

  @Override
  public PipelineState decidePlan(String runId, PlanDecision decision) {
    if (awaiting.get(runId) != Awaiting.PLAN_APPROVAL) {
      throw new NotWaitingException("the run is not waiting for plan approval");
    }
    planDecisions.add(decision);
    awaiting.remove(runId);
    answerSlowly();
    return state(Awaiting.NOTHING);
  }

  @Override
  public PipelineState decideBudget(String runId, BudgetDecision decision) {
    if (awaiting.get(runId) != Awaiting.BUDGET_DECISION) {
      throw new NotWaitingException("the run is not paused for its budget");
    }
    budgetDecisions.add(decision);
    awaiting.remove(runId);
    return state(Awaiting.NOTHING);
  }

  @Override
  public void cancel(String runId) {
    cancelled.add(runId);
  }

  @Override
  public void retire(String projectId, List<RunRecord> runs) {
    retired.put(projectId, runs.stream().map(RunRecord::id).toList());
  }

  volatile boolean reachable = true;

  @Override
  public boolean reachable() {
    return reachable;
  }

  @Override
  public ServerInfo info() {
    return new ServerInfo(
        true, "offline planner — no model configured", "fake", "fake", null, "default");
  }

  @Override
  public boolean offline() {
    return true;
  }
}
