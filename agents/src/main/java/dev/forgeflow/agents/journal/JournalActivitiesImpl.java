package dev.forgeflow.agents.journal;

import dev.forgeflow.agents.support.ActivityJournal;
import dev.forgeflow.agents.support.Json;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.RunRecord;
import dev.forgeflow.store.RunStore;
import dev.forgeflow.workflows.journal.JournalActivities;
import dev.forgeflow.workflows.journal.RunEnd;
import dev.forgeflow.workflows.journal.RunEvent;
import dev.forgeflow.workflows.journal.RunStatus;
import java.util.List;
import java.util.Set;

/** Writes the workflow's events and the run's status to the store. */
public final class JournalActivitiesImpl implements JournalActivities {
  private static final int PAGE = 1_000;
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
    journal.append(event.runId(), event.type(), event.payload());
  }

  @Override
  public void setStatus(String runId, RunStatus status) {
    runs.setStatus(runId, status.name());
  }

  /**
   * Stores result and status before journalling the end, so whoever sees the end event finds the
   * run final. A retry journals the end only if no earlier attempt did.
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
    if (!stored || !journalled(end)) {
      journal.append(end.runId(), end.eventType(), end.summary());
    }
  }

  private boolean journalled(RunEnd end) {
    long after = 0;
    while (true) {
      List<JournalEvent> page = journal.journal().readAfter(end.runId(), after, PAGE);
      if (page.isEmpty()) {
        return false;
      }
      if (page.stream().anyMatch(e -> e.type().equals(end.eventType()))) {
        return true;
      }
      after = page.get(page.size() - 1).seq();
    }
  }
}
