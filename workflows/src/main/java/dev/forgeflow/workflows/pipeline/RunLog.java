package dev.forgeflow.workflows.pipeline;

import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.JournalActivities;
import dev.forgeflow.workflows.journal.RunEvent;
import dev.forgeflow.workflows.journal.RunStatus;
import io.temporal.workflow.Workflow;

/**
 * The run's journal and status as workflow code writes them: through local activities. Events are
 * counted in the order workflow code records them, which replay repeats, so each event's fact key
 * ({@code workflow/<temporal run id>/<n>}) is the same when a local activity runs again.
 */
final class RunLog {
  private final JournalActivities journal;
  private final String runId;
  private final RunIndex index;
  private int recorded;

  RunLog(JournalActivities journal, String runId, RunIndex index) {
    this.journal = journal;
    this.runId = runId;
    this.index = index;
  }

  void record(Fact.WorkflowFact fact) {
    recorded++;
    journal.record(RunEvent.of(runId, fact, Workflow.getInfo().getRunId(), recorded));
  }

  void status(RunStatus status) {
    journal.setStatus(runId, status);
    index.status(status);
  }
}
