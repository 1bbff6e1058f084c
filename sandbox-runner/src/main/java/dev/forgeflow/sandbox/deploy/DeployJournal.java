package dev.forgeflow.sandbox.deploy;

import dev.forgeflow.store.RunJournal;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.JournalEntry;
import dev.forgeflow.workflows.sandbox.DeployInput;
import dev.forgeflow.workflows.sandbox.Deployment;

/**
 * Journals {@code deploy.ready} (once per deploy activity, however often retried) and {@code
 * deploy.failed} (once per failed attempt), stamped with the activity's attempt.
 */
final class DeployJournal {

  private final RunJournal journal;

  DeployJournal(RunJournal journal) {
    this.journal = journal;
  }

  void ready(DeployInput input, Deployment deployment) {
    append(
        input.runId(),
        new Fact.DeployReady(
            input.project(),
            deployment.project(),
            deployment.url(),
            deployment.containerId(),
            deployment.hostPort()));
  }

  void failed(DeployInput input, String reason) {
    append(input.runId(), new Fact.DeployFailed(input.project(), input.bundleId(), reason));
  }

  private void append(String runId, Fact.ActivityFact fact) {
    JournalEntry entry = JournalEntry.ofActivity(fact);
    journal.append(runId, entry.type(), entry.payloadJson(), entry.attempt(), entry.factKey());
  }
}
