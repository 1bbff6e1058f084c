package dev.forgeflow.workflows.pipeline;

/** The current state of a run, as its Query answers it. */
public record PipelineState(
    Stage stage,
    int round,
    int bundleVersion,
    String bundleId,
    long tokens,
    double costUsd,
    long budgetTokens,
    double budgetUsd,
    Awaiting awaiting) {}
