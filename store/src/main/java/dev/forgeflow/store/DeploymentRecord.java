package dev.forgeflow.store;

import java.time.OffsetDateTime;

/**
 * A project's service in the sandbox, as recorded when it was deployed.
 *
 * @param project the project's id ({@code project-<first 12 of the run id>}), never the name the
 *     charter chose: two projects of one name are two deployments. The name is the run's {@code
 *     projectName}.
 */
public record DeploymentRecord(
    String project,
    String runId,
    String containerId,
    String image,
    int hostPort,
    String url,
    String status,
    OffsetDateTime expiresAt) {}
