package dev.forgeflow.agents.validate;

import dev.forgeflow.agents.validate.PythonClasses.PythonClass;
import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.Severity;
import dev.forgeflow.workflows.artifacts.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code table.primary-key}: every SQLModel class with {@code table=True} has a field with {@code
 * primary_key=True} (its own or one inherited from a class of the project), and every table of the
 * architecture's data model names its primary key.
 */
final class PrimaryKeyRule implements Rule {

  static final String ID = "table.primary-key";

  @Override
  public List<ReviewIssue> check(ProjectBundle bundle) {
    List<ReviewIssue> issues = new ArrayList<>();
    for (Table table : bundle.architecture().dataModel()) {
      if (table.primaryKey() == null || table.primaryKey().isBlank()) {
        issues.add(
            issue(null, 0, "data model table '" + table.name() + "' declares no primary key"));
      }
    }
    List<PythonClass> classes = new ArrayList<>();
    bundle.python().forEach((path, source) -> classes.addAll(PythonClasses.of(path, source)));
    for (PythonClass c : classes) {
      if (c.table() && !hasPrimaryKey(c, classes, new HashSet<>())) {
        issues.add(
            issue(
                c.file(),
                c.line(),
                "table class '" + c.name() + "' has no field with primary_key=True"));
      }
    }
    return issues;
  }

  private static boolean hasPrimaryKey(PythonClass c, List<PythonClass> classes, Set<String> seen) {
    if (c.primaryKey()) {
      return true;
    }
    seen.add(c.name());
    return c.bases().stream()
        .filter(seen::add)
        .flatMap(base -> classes.stream().filter(other -> other.name().equals(base)))
        .anyMatch(parent -> hasPrimaryKey(parent, classes, seen));
  }

  private static ReviewIssue issue(String file, int line, String message) {
    return new ReviewIssue(Severity.BLOCKER, file, line, ID, message);
  }
}
