package dev.forgeflow.workflows.sandbox;

/** An approved bundle version of a project to run as that project's service. */
public record DeployInput(String runId, String project, String bundleId) {}
