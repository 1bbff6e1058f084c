package dev.forgeflow.sandbox.deploy;

import java.time.Instant;

/**
 * A deployment as its container's labels and state describe it.
 *
 * @param project the project's id ({@code project-<first 12 of the run id>})
 * @param name the project's name as its charter gave it
 * @param url {@code http://127.0.0.1:<port>}, or empty when the container publishes no port
 * @param status {@code running}, {@code oom-killed}, or {@code exited <code>}
 * @param expires when the janitor removes it
 */
public record DeploymentInfo(
    String project,
    String name,
    String containerId,
    String url,
    String status,
    String runId,
    Instant expires) {}
