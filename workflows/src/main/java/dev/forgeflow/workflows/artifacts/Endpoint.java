package dev.forgeflow.workflows.artifacts;

/** One HTTP endpoint: {@code GET /books/{id}} and what it does. */
public record Endpoint(String method, String path, String summary) {}
