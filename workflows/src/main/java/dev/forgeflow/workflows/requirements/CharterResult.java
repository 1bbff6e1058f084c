package dev.forgeflow.workflows.requirements;

import dev.forgeflow.workflows.artifacts.Usage;

/**
 * The stored charter's id, with what the workflow needs to know of it.
 *
 * @param authRequired the charter says the service's users must sign in; the sandbox's attack stage
 *     then checks that every non-public operation refuses a caller without credentials
 */
public record CharterResult(
    String charterId, String projectName, int entityCount, Usage usage, boolean authRequired) {}
