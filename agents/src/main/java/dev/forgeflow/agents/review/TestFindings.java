package dev.forgeflow.agents.review;

import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.Severity;
import dev.forgeflow.workflows.sandbox.CheckFailure;
import dev.forgeflow.workflows.sandbox.TestReport;
import java.util.ArrayList;
import java.util.List;

/** The sandbox's failed checks as blocking review issues: a round passes only when tests do. */
final class TestFindings {
  private TestFindings() {}

  static List<ReviewIssue> of(TestReport report) {
    List<ReviewIssue> issues = new ArrayList<>();
    if (report == null || report.passed()) {
      return issues;
    }
    for (CheckFailure failure : report.failures()) {
      issues.add(
          new ReviewIssue(
              Severity.BLOCKER,
              failure.file(),
              failure.line(),
              "test." + failure.check(),
              failure.message()));
    }
    if (issues.isEmpty()) {
      issues.add(new ReviewIssue(Severity.BLOCKER, null, 0, "test.failed", report.summary()));
    }
    return issues;
  }
}
