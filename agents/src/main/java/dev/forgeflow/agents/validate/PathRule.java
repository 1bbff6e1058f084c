package dev.forgeflow.agents.validate;

import dev.forgeflow.store.paths.PathRules;
import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code path.outside-root}: every planned and every generated path stays inside the root, and no
 * two generated paths differ only by case or Unicode normalisation (one would overwrite the other
 * on a case-insensitive or normalising file system).
 */
final class PathRule implements Rule {

  static final String ID = "path.outside-root";

  @Override
  public List<ReviewIssue> check(ProjectBundle bundle) {
    Set<String> paths = new LinkedHashSet<>(bundle.plannedPaths());
    paths.addAll(bundle.files().keySet());
    List<ReviewIssue> issues = new ArrayList<>();
    paths.stream()
        .filter(path -> !ProjectPaths.check(path).ok())
        .map(path -> issue(path, ProjectPaths.check(path).rejection()))
        .forEach(issues::add);
    issues.addAll(collisions(bundle.files().keySet()));
    return issues;
  }

  private static List<ReviewIssue> collisions(Set<String> files) {
    Map<String, String> firstByKey = new HashMap<>();
    List<ReviewIssue> issues = new ArrayList<>();
    for (String path : files) {
      PathVerdict verdict = ProjectPaths.check(path);
      if (!verdict.ok()) {
        continue;
      }
      String first = firstByKey.putIfAbsent(PathRules.collisionKey(verdict.normalized()), path);
      if (first != null) {
        issues.add(
            issue(
                path,
                "path differs from '"
                    + ProjectPaths.printable(first)
                    + "' only by case or Unicode normalisation"));
      }
    }
    return issues;
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
