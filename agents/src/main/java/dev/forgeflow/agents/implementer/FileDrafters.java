package dev.forgeflow.agents.implementer;

import dev.forgeflow.agents.offline.OfflinePlanner;
import dev.forgeflow.agents.support.ModelAgent;

/** The two ways to write a file. */
public final class FileDrafters {
  private FileDrafters() {}

  public static FileDrafter model(ModelAgent agent) {
    return new ModelFileDrafter(agent);
  }

  public static FileDrafter offline(OfflinePlanner planner) {
    return new OfflineFileDrafter(planner);
  }
}
