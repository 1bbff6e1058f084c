package dev.forgeflow.sandbox.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.store.RunJournal;
import dev.forgeflow.workflows.sandbox.TestReport;
import io.temporal.activity.Activity;
import java.util.LinkedHashMap;
import java.util.Map;

/** Journals {@code test.report} events, stamped with the activity's attempt. */
final class ReportJournal {

  static final int MAX_FAILURES = 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RunJournal journal;

  ReportJournal(RunJournal journal) {
    this.journal = journal;
  }

  void append(String runId, int round, TestReport report) {
    int attempt = attempt();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("round", round);
    payload.put("passed", report.passed());
    payload.put("image", report.image());
    payload.put("testsRun", report.testsRun());
    payload.put("testsFailed", report.testsFailed());
    payload.put(
        "failures", report.failures().subList(0, Math.min(MAX_FAILURES, report.failures().size())));
    payload.put("summary", report.summary());
    payload.put("attempt", attempt);
    try {
      journal.append(runId, "test.report", JSON.writeValueAsString(payload), attempt);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write a test report as JSON", e);
    }
  }

  /** The current activity's attempt, or 1 outside an activity. */
  static int attempt() {
    try {
      return Activity.getExecutionContext().getInfo().getAttempt();
    } catch (IllegalStateException | NullPointerException notInActivity) {
      return 1;
    }
  }
}
