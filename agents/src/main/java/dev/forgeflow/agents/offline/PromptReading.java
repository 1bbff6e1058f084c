package dev.forgeflow.agents.offline;

import dev.forgeflow.workflows.artifacts.Entity;
import java.util.List;

/**
 * What the offline planner read from a prompt.
 *
 * @param projectName kebab-case project name, e.g. {@code bookstore-api}
 * @param title the name for people, e.g. {@code Bookstore API}
 * @param entities the resources in prompt order, foreign keys resolved
 */
public record PromptReading(String projectName, String title, List<Entity> entities) {
  public PromptReading {
    entities = List.copyOf(entities);
  }
}
