package dev.forgeflow.agents.support;

import dev.forgeflow.store.RunJournal;
import io.temporal.activity.Activity;
import java.util.LinkedHashMap;
import java.util.Map;

/** Journals events from inside an activity, stamped with the activity's attempt number. */
public final class ActivityJournal {
  private final RunJournal journal;

  public ActivityJournal(RunJournal journal) {
    this.journal = journal;
  }

  public void append(String runId, String type, Map<String, Object> payload) {
    int attempt = attempt();
    Map<String, Object> stamped = new LinkedHashMap<>(payload);
    stamped.put("attempt", attempt);
    journal.append(runId, type, Json.write(stamped), attempt);
  }

  public RunJournal journal() {
    return journal;
  }

  /** The current activity's attempt (1 for the first), or 1 outside an activity. */
  public static int attempt() {
    try {
      return Activity.getExecutionContext().getInfo().getAttempt();
    } catch (IllegalStateException | NullPointerException notInActivity) {
      return 1;
    }
  }
}
