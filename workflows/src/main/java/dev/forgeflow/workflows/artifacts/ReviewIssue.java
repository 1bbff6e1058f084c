package dev.forgeflow.workflows.artifacts;

/**
 * One finding of a review.
 *
 * @param file project-relative path the issue is in (may be null for project-wide issues)
 * @param line 1-based line, 0 when unknown
 * @param rule short stable identifier, e.g. {@code path.outside-root}, {@code llm.review}
 */
public record ReviewIssue(Severity severity, String file, int line, String rule, String message) {}
