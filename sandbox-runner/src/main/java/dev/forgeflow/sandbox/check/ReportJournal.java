package dev.forgeflow.sandbox.check;

import dev.forgeflow.store.RunJournal;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.JournalEntry;
import dev.forgeflow.workflows.sandbox.TestReport;

/**
 * Journals {@code test.report} events, stamped with the activity's attempt and keyed by its id: a
 * retried check journals its report once.
 */
final class ReportJournal {

  static final int MAX_FAILURES = 20;

  private final RunJournal journal;

  ReportJournal(RunJournal journal) {
    this.journal = journal;
  }

  void append(String runId, int round, TestReport report) {
    JournalEntry entry =
        JournalEntry.ofActivity(
            new Fact.TestReport(
                round,
                report.passed(),
                report.image(),
                report.testsRun(),
                report.testsFailed(),
                report.failures().subList(0, Math.min(MAX_FAILURES, report.failures().size())),
                report.summary()));
    journal.append(runId, entry.type(), entry.payloadJson(), entry.attempt(), entry.factKey());
  }
}
