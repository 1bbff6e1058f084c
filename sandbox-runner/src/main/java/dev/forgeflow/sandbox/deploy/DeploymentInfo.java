package dev.forgeflow.sandbox.deploy;

import java.time.Instant;

/**
 * A deployment as its container's labels and state describe it.
 *
 * @param url {@code http://127.0.0.1:<port>}, or empty when the container publishes no port
 * @param status {@code running}, {@code oom-killed}, or {@code exited <code>}
 * @param expires when the janitor removes it
 */
public record DeploymentInfo(
    String project, String containerId, String url, String status, String runId, Instant expires) {}
