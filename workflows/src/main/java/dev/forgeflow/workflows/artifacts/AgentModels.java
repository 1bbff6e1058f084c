package dev.forgeflow.workflows.artifacts;

/** Per-run model overrides per agent; a null entry means the configured default. */
public record AgentModels(
    String requirements, String architecture, String implementer, String reviewer) {
  public static final AgentModels DEFAULTS = new AgentModels(null, null, null, null);
}
