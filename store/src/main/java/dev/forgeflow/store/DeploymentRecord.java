package dev.forgeflow.store;

import java.time.OffsetDateTime;

/** A project's service in the sandbox, as recorded when it was deployed. */
public record DeploymentRecord(
    String project,
    String runId,
    String containerId,
    String image,
    int hostPort,
    String url,
    String status,
    OffsetDateTime expiresAt) {}
