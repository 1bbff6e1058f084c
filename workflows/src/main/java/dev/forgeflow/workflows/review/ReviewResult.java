package dev.forgeflow.workflows.review;

import dev.forgeflow.workflows.artifacts.ReviewReport;
import dev.forgeflow.workflows.artifacts.Usage;

/** The merged review report and what producing it cost. */
public record ReviewResult(ReviewReport report, Usage usage) {}
