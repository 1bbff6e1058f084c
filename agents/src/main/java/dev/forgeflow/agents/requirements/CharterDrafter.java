package dev.forgeflow.agents.requirements;

import dev.forgeflow.agents.retrieval.RetrievedContext;
import dev.forgeflow.agents.support.Drafted;
import dev.forgeflow.workflows.artifacts.ProjectCharter;

/**
 * Drafts a charter from a prompt and the passages of the project's documents retrieved for it: by
 * model, or by the offline planner.
 */
public interface CharterDrafter {
  Drafted<ProjectCharter> draft(
      String runId, String prompt, String model, RetrievedContext documents);
}
