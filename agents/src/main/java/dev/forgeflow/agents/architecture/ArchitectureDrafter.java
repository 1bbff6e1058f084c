package dev.forgeflow.agents.architecture;

import dev.forgeflow.agents.support.Drafted;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;

/** Designs the system for a charter, taking a reviewer's feedback (may be null) into account. */
public interface ArchitectureDrafter {
  /**
   * @param patterns the knowledge base's patterns retrieved for the charter, as markdown
   */
  Drafted<SystemArchitecture> draft(
      String runId, ProjectCharter charter, String feedback, String model, String patterns);
}
