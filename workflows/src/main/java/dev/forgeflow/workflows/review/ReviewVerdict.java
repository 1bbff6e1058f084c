package dev.forgeflow.workflows.review;

import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.ReviewReport;
import java.util.List;
import java.util.TreeSet;

/** What a review means for the loop: approved, or changes requested with a failure signature. */
public sealed interface ReviewVerdict
    permits ReviewVerdict.Approved, ReviewVerdict.ChangesRequested {

  static ReviewVerdict of(ReviewReport report) {
    List<ReviewIssue> blocking = report.blockingIssues();
    if (report.approved() && blocking.isEmpty()) {
      return new Approved();
    }
    TreeSet<String> keys = new TreeSet<>();
    blocking.forEach(i -> keys.add(i.rule() + "@" + i.file()));
    report.patches().forEach(p -> keys.add("patch@" + p.file()));
    return new ChangesRequested(String.join("|", keys));
  }

  /** No blocking issue remains. */
  record Approved() implements ReviewVerdict {}

  /**
   * Blocking issues remain. The signature names which rules fail in which files, not where or how
   * they are worded, so the same failure seen twice is recognised as a stuck loop.
   */
  record ChangesRequested(String signature) implements ReviewVerdict {}
}
