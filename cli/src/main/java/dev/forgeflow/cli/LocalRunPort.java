package dev.forgeflow.cli;

import dev.forgeflow.orchestrator.export.ProjectExport;
import dev.forgeflow.orchestrator.runs.RunClosure;
import dev.forgeflow.orchestrator.runs.Runs;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.workflows.pipeline.BudgetDecision;
import dev.forgeflow.workflows.pipeline.PlanDecision;
import io.temporal.client.WorkflowUpdateException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The local stack's runs, straight through its Temporal client and stores. */
final class LocalRunPort implements RunPort {

  private final Runs runs;
  private final ProjectExport export;

  LocalRunPort(Runs runs, ProjectExport export) {
    this.runs = runs;
    this.export = export;
  }

  @Override
  public List<JournalEvent> awaitEvents(String runId, long afterSeq, Duration maxWait) {
    return runs.awaitEvents(runId, afterSeq, maxWait);
  }

  @Override
  public void decidePlan(String runId, PlanDecision decision) {
    try {
      runs.decidePlan(runId, decision);
    } catch (WorkflowUpdateException refused) {
      throw new Refused(rootMessage(refused));
    }
  }

  @Override
  public void decideBudget(String runId, BudgetDecision decision) {
    try {
      runs.decideBudget(runId, decision);
    } catch (WorkflowUpdateException refused) {
      throw new Refused(rootMessage(refused));
    }
  }

  @Override
  public void cancel(String runId) {
    runs.cancel(runId);
  }

  @Override
  public Optional<RunClosure> closure(String runId) {
    return runs.closure(runId);
  }

  @Override
  public String artifact(String runId, String artifactId) {
    return runs.stores().artifacts().load(artifactId).json();
  }

  @Override
  public Path export(String runId, String bundleId, Path root, String projectName) {
    return export.export(bundleId, root, projectName, runId);
  }

  private static String rootMessage(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
