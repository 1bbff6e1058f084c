package dev.forgeflow.agents.review;

import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import dev.forgeflow.workflows.sandbox.TestReport;
import java.util.SortedMap;

/** A bundle to review: its files by path, and what they were meant to be. */
public record ReviewTask(
    String runId,
    ProjectCharter charter,
    SystemArchitecture architecture,
    SortedMap<String, String> files,
    int round,
    String model,
    TestReport tests,
    String checklist) {}
