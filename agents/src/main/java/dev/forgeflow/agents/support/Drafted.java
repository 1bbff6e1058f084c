package dev.forgeflow.agents.support;

import dev.forgeflow.workflows.artifacts.Usage;

/** Something an agent drafted (by model or offline planner) and what drafting it cost. */
public record Drafted<T>(T value, Usage usage) {
  public static <T> Drafted<T> free(T value) {
    return new Drafted<>(value, Usage.NONE);
  }
}
