package dev.forgeflow.workflows.artifacts;

import java.util.List;

/**
 * The Reviewer's report, with the deterministic validators' findings merged in.
 *
 * @param approved true only when no issue blocks
 */
public record ReviewReport(
    boolean approved, String summary, List<ReviewIssue> issues, List<PatchRequest> patches) {
  public ReviewReport {
    issues = List.copyOf(issues);
    patches = List.copyOf(patches);
  }

  public List<ReviewIssue> blockingIssues() {
    return issues.stream().filter(i -> i.severity().blocks()).toList();
  }
}
