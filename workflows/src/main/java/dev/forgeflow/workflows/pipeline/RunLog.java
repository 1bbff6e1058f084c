package dev.forgeflow.workflows.pipeline;

import dev.forgeflow.workflows.journal.JournalActivities;
import dev.forgeflow.workflows.journal.RunEvent;
import dev.forgeflow.workflows.journal.RunStatus;
import java.util.Map;

/** The run's journal and status as workflow code writes them: through local activities. */
final class RunLog {
  private final JournalActivities journal;
  private final String runId;
  private final RunIndex index;

  RunLog(JournalActivities journal, String runId, RunIndex index) {
    this.journal = journal;
    this.runId = runId;
    this.index = index;
  }

  void record(String type, Map<String, Object> payload) {
    journal.record(new RunEvent(runId, type, payload));
  }

  void status(RunStatus status) {
    journal.setStatus(runId, status);
    index.status(status);
  }
}
