package dev.forgeflow.workflows.architecture;

/** The charter to design for; {@code feedback} is a reviewer's request from the approval gate. */
public record ArchitectureInput(String runId, String charterId, String feedback, String model) {}
