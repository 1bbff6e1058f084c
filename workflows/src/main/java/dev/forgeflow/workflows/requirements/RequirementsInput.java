package dev.forgeflow.workflows.requirements;

/** The run, its prompt and the model to use (null: the configured default). */
public record RequirementsInput(String runId, String prompt, String model) {}
