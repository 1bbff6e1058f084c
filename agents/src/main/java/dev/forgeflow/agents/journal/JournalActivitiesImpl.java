package dev.forgeflow.agents.journal;

import dev.forgeflow.agents.support.ActivityJournal;
import dev.forgeflow.agents.support.Json;
import dev.forgeflow.store.RunRecord;
import dev.forgeflow.store.RunStore;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.JournalActivities;
import dev.forgeflow.workflows.journal.JournalEntry;
import dev.forgeflow.workflows.journal.RunEnd;
import dev.forgeflow.workflows.journal.RunEvent;
import dev.forgeflow.workflows.journal.RunStatus;
import java.util.Set;

/**
 * Writes the workflow's events and the run's status to the store. Each event carries the fact key
 * the workflow gave it, so a local activity that runs again journals nothing new.
 */
public final class JournalActivitiesImpl implements JournalActivities {
  private static final Set<String> FINAL =
      Set.of(RunStatus.SUCCEEDED.name(), RunStatus.FAILED.name(), RunStatus.CANCELLED.name());

  private final ActivityJournal journal;
  private final RunStore runs;

  public JournalActivitiesImpl(ActivityJournal journal, RunStore runs) {
    this.journal = journal;
    this.runs = runs;
  }

  @Override
  public void record(RunEvent event) {
    journal.append(event.runId(), JournalEntry.ofWorkflow(event, ActivityJournal.attempt()));
  }

  @Override
  public void setStatus(String runId, RunStatus status) {
    runs.setStatus(runId, status.name());
  }

  /**
   * Stores result and status before journalling the end, so whoever sees the end event finds the
   * run final. The end event is keyed {@value Fact.RunEnding#FACT_KEY}: a retry journals nothing
   * new.
   */
  @Override
  public void finish(RunEnd end) {
    RunRecord run =
        runs.find(end.runId())
            .orElseThrow(() -> new IllegalStateException("no run " + end.runId()));
    boolean stored = FINAL.contains(run.status()) && run.resultJson() != null;
    if (!stored) {
      runs.setResult(end.runId(), Json.write(end.summary()));
      runs.setStatus(end.runId(), end.status().name());
    }
    journal.append(end.runId(), JournalEntry.ofRunEnd(end, ActivityJournal.attempt()));
  }
}
