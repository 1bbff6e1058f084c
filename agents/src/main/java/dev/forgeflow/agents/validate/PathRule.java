package dev.forgeflow.agents.validate;

import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.Severity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code path.outside-root}: every planned and every generated path stays inside the root. */
final class PathRule implements Rule {

  static final String ID = "path.outside-root";

  @Override
  public List<ReviewIssue> check(ProjectBundle bundle) {
    Set<String> paths = new LinkedHashSet<>(bundle.plannedPaths());
    paths.addAll(bundle.files().keySet());
    return paths.stream()
        .filter(path -> !ProjectPaths.check(path).ok())
        .map(path -> issue(path, ProjectPaths.check(path).rejection()))
        .toList();
  }

  private static ReviewIssue issue(String path, String rejection) {
    String shown = path == null ? null : ProjectPaths.printable(path);
    return new ReviewIssue(
        Severity.BLOCKER,
        shown,
        0,
        ID,
        "unsafe file path: " + rejection + "; use a relative path inside the project");
  }
}
