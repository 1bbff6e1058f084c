package dev.forgeflow.agents.validate;

import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code plan.file-missing}: every file of the architecture's file plan was generated. */
final class FilePlanRule implements Rule {

  static final String ID = "plan.file-missing";

  @Override
  public List<ReviewIssue> check(ProjectBundle bundle) {
    Set<String> present =
        bundle.files().keySet().stream()
            .map(ProjectPaths::check)
            .filter(PathVerdict::ok)
            .map(PathVerdict::normalized)
            .collect(Collectors.toSet());
    List<ReviewIssue> issues = new ArrayList<>();
    for (PlannedFile planned : bundle.architecture().filePlan()) {
      PathVerdict verdict = ProjectPaths.check(planned.path());
      if (verdict.ok() && !present.contains(verdict.normalized())) {
        issues.add(
            new ReviewIssue(
                Severity.BLOCKER,
                verdict.normalized(),
                0,
                ID,
                "planned file is missing from the bundle (purpose: " + planned.purpose() + ")"));
      }
    }
    return issues;
  }
}
