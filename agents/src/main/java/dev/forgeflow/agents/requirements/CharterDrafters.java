package dev.forgeflow.agents.requirements;

import dev.forgeflow.agents.offline.OfflinePlanner;
import dev.forgeflow.agents.support.ModelAgent;

/** The two ways to draft a charter. */
public final class CharterDrafters {
  private CharterDrafters() {}

  public static CharterDrafter model(ModelAgent agent) {
    return new ModelCharterDrafter(agent);
  }

  public static CharterDrafter offline(OfflinePlanner planner) {
    return new OfflineCharterDrafter(planner);
  }
}
