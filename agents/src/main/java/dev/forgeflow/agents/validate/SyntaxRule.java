package dev.forgeflow.agents.validate;

import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code python.syntax}: cheap, precise checks of a Python file — an unterminated string, an
 * unbalanced bracket, indentation that mixes tabs and spaces ambiguously or dedents to no outer
 * level. At most one issue of each kind per file; byte-compilation in the sandbox does the rest.
 */
final class SyntaxRule implements Rule {

  static final String ID = "python.syntax";

  @Override
  public List<ReviewIssue> check(ProjectBundle bundle) {
    List<ReviewIssue> issues = new ArrayList<>();
    bundle
        .python()
        .forEach(
            (path, source) -> {
              if (source.unterminatedStringLine() > 0) {
                issues.add(
                    issue(
                        path,
                        new SourceFinding(
                            source.unterminatedStringLine(), "unterminated string literal")));
              }
              add(issues, path, Brackets.firstProblem(source.code()));
              add(issues, path, Indentation.firstProblem(source.logicalLines()));
            });
    return issues;
  }

  private static void add(List<ReviewIssue> issues, String path, Optional<SourceFinding> finding) {
    finding.ifPresent(f -> issues.add(issue(path, f)));
  }

  private static ReviewIssue issue(String path, SourceFinding finding) {
    return new ReviewIssue(Severity.MAJOR, path, finding.line(), ID, finding.message());
  }
}
