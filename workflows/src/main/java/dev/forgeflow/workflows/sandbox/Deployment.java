package dev.forgeflow.workflows.sandbox;

/**
 * A running (or failed) project service.
 *
 * @param url {@code http://127.0.0.1:<hostPort>}, reachable from the host only
 * @param status {@code healthy}, or what went wrong
 */
public record Deployment(
    String project, String containerId, String image, int hostPort, String url, String status) {}
