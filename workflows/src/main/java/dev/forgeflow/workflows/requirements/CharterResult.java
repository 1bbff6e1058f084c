package dev.forgeflow.workflows.requirements;

import dev.forgeflow.workflows.artifacts.Usage;

/** The stored charter's id, with what the workflow needs to know of it. */
public record CharterResult(String charterId, String projectName, int entityCount, Usage usage) {}
