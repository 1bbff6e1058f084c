package dev.forgeflow.agents.requirements;

import dev.forgeflow.agents.retrieval.RetrievedContext;
import dev.forgeflow.agents.support.Drafted;
import dev.forgeflow.workflows.artifacts.ProjectCharter;

/**
 * Drafts a charter from a prompt and what was retrieved for it — passages of the project's
 * documents and of the knowledge base's guide to charters: by model (reading both), or by the
 * offline planner (reading the documents).
 */
public interface CharterDrafter {
  Drafted<ProjectCharter> draft(
      String runId, String prompt, String model, RetrievedContext context);
}
