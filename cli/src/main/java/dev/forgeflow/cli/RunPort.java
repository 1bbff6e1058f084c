package dev.forgeflow.cli;

import dev.forgeflow.orchestrator.runs.RunClosure;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.workflows.pipeline.BudgetDecision;
import dev.forgeflow.workflows.pipeline.PlanDecision;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What following a run needs of the server that runs it: its journal, its questions answered, its
 * cancellation, its project written to disk. Over HTTP for {@code run} ({@link ApiRunPort}), or
 * straight on the local stack for {@code resume} ({@link LocalRunPort}).
 */
interface RunPort {

  /**
   * The run's events after {@code afterSeq}, in order, waiting up to {@code maxWait} for the first;
   * empty if none came.
   */
  List<JournalEvent> awaitEvents(String runId, long afterSeq, Duration maxWait);

  /**
   * Approves the plan or asks for changes.
   *
   * @throws Refused if the run is not waiting for it
   */
  void decidePlan(String runId, PlanDecision decision);

  /**
   * Raises the budget of a paused run, or stops it.
   *
   * @throws Refused if the run is not paused by its budget
   */
  void decideBudget(String runId, BudgetDecision decision);

  /** Asks the run to stop; it journals its cancellation once it has. */
  void cancel(String runId);

  /** How the run's workflow closed without journalling its end, or empty while it is open. */
  Optional<RunClosure> closure(String runId);

  /** The JSON of one of the run's artifacts. */
  String artifact(String runId, String artifactId);

  /** Writes the bundle's files as a project folder under {@code root}; the folder. */
  Path export(String runId, String bundleId, Path root, String projectName);

  /** A decision the run was not waiting for, in the server's words. */
  final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }
}
