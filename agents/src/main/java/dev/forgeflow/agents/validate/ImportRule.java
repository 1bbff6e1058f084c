package dev.forgeflow.agents.validate;

import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code import.outside-profile}: a Python file imports only the project's own packages and the
 * modules the runtime profile provides (its packages and the standard library).
 */
final class ImportRule implements Rule {

  static final String ID = "import.outside-profile";

  @Override
  public List<ReviewIssue> check(ProjectBundle bundle) {
    Set<String> own = bundle.ownModules();
    RuntimeProfile profile = bundle.profile();
    List<ReviewIssue> issues = new ArrayList<>();
    bundle
        .python()
        .forEach(
            (path, source) -> {
              for (Imports.Imported imported : Imports.of(source)) {
                if (!own.contains(imported.topLevel()) && !profile.allows(imported.topLevel())) {
                  issues.add(issue(path, imported, profile));
                }
              }
            });
    return issues;
  }

  private static ReviewIssue issue(String path, Imports.Imported imported, RuntimeProfile profile) {
    return new ReviewIssue(
        Severity.BLOCKER,
        path,
        imported.line(),
        ID,
        "imports '"
            + imported.topLevel()
            + "', which is neither part of the project nor available in the runtime ("
            + profile.describe()
            + ")");
  }
}
