package dev.forgeflow.workflows.artifacts;

/** A reviewer's request to rewrite one file, with instructions for the Implementer. */
public record PatchRequest(String file, String instructions) {}
