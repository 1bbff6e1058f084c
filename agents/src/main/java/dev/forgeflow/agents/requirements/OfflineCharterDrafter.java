package dev.forgeflow.agents.requirements;

import dev.forgeflow.agents.offline.OfflinePlanner;
import dev.forgeflow.agents.offline.PromptNotUnderstoodException;
import dev.forgeflow.agents.retrieval.RetrievedContext;
import dev.forgeflow.agents.support.Drafted;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import io.temporal.failure.ApplicationFailure;

final class OfflineCharterDrafter implements CharterDrafter {
  private final OfflinePlanner planner;

  OfflineCharterDrafter(OfflinePlanner planner) {
    this.planner = planner;
  }

  @Override
  public Drafted<ProjectCharter> draft(
      String runId, String prompt, String model, RetrievedContext context) {
    try {
      return Drafted.free(planner.charter(prompt, context.documentTexts()));
    } catch (PromptNotUnderstoodException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "PromptNotUnderstood");
    }
  }
}
