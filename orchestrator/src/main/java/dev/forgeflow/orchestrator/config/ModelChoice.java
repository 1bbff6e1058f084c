package dev.forgeflow.orchestrator.config;

import dev.forgeflow.agents.llm.LlmSettings;
import dev.forgeflow.agents.offline.OfflinePlanner;
import java.util.Optional;

/** The configured model endpoints, or none: then the offline planner runs, and says so. */
public record ModelChoice(Optional<LlmSettings> settings) {
  public boolean offline() {
    return settings.isEmpty();
  }

  /** One line for people: which planner runs. */
  public String describe() {
    return settings
        .map(s -> "model " + s.defaultModel() + " at " + s.endpoints().get(0).baseUrl())
        .orElse(OfflinePlanner.ANNOUNCEMENT);
  }
}
