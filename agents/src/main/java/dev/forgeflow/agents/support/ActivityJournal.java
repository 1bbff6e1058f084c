package dev.forgeflow.agents.support;

import dev.forgeflow.store.RunJournal;
import dev.forgeflow.workflows.journal.ActivityAttempt;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.JournalEntry;

/**
 * Journals facts from inside an activity, stamped with the activity's attempt and keyed by its
 * activity id, so that a retried activity journals each fact it restates once.
 */
public final class ActivityJournal {
  private final RunJournal journal;

  public ActivityJournal(RunJournal journal) {
    this.journal = journal;
  }

  /** Journals a fact of the activity running on this thread (no key outside an activity). */
  public void append(String runId, Fact.ActivityFact fact) {
    append(runId, JournalEntry.ofActivity(fact));
  }

  /** Journals an entry as it is; the journal keeps one event per fact key. */
  public void append(String runId, JournalEntry entry) {
    journal.append(runId, entry.type(), entry.payloadJson(), entry.attempt(), entry.factKey());
  }

  public RunJournal journal() {
    return journal;
  }

  /** The current activity's attempt (1 for the first), or 1 outside an activity. */
  public static int attempt() {
    return ActivityAttempt.current().attempt();
  }
}
