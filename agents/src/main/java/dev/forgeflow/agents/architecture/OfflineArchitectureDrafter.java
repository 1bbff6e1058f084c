package dev.forgeflow.agents.architecture;

import dev.forgeflow.agents.offline.OfflinePlanner;
import dev.forgeflow.agents.support.Drafted;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;

final class OfflineArchitectureDrafter implements ArchitectureDrafter {
  private final OfflinePlanner planner;

  OfflineArchitectureDrafter(OfflinePlanner planner) {
    this.planner = planner;
  }

  @Override
  public Drafted<SystemArchitecture> draft(
      String runId, ProjectCharter charter, String feedback, String model, String patterns) {
    return Drafted.free(planner.architecture(charter, feedback));
  }
}
