package dev.forgeflow.agents.architecture;

import dev.forgeflow.agents.offline.OfflinePlanner;
import dev.forgeflow.agents.support.ModelAgent;

/** The two ways to design. */
public final class ArchitectureDrafters {
  private ArchitectureDrafters() {}

  public static ArchitectureDrafter model(ModelAgent agent) {
    return new ModelArchitectureDrafter(agent);
  }

  public static ArchitectureDrafter offline(OfflinePlanner planner) {
    return new OfflineArchitectureDrafter(planner);
  }
}
