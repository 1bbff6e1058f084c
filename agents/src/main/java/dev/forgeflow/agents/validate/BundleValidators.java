package dev.forgeflow.agents.validate;

import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The deterministic checks of a generated project, whose findings the reviewer merges with its own:
 * {@code path.outside-root}, {@code plan.file-missing}, {@code import.outside-profile}, {@code
 * router.prefix}, {@code table.primary-key} and {@code python.syntax}.
 *
 * <p>Stateless and thread-safe; a run is pure computation over the given texts, so the same input
 * always yields the same issues in the same order (rule by rule, file by file).
 */
public final class BundleValidators {

  private final List<Rule> rules =
      List.of(
          new PathRule(),
          new FilePlanRule(),
          new ImportRule(),
          new RouterPrefixRule(),
          new PrimaryKeyRule(),
          new SyntaxRule());

  /**
   * Checks a project's files against its architecture and the runtime it will run on.
   *
   * @param files normalised project path to file content
   * @param architecture the architecture the files were generated from
   * @param profile the runtime of the sandbox image
   * @return every issue found, empty when the project passes; issues carry file and 1-based line
   *     where known (file null and line 0 for project-wide issues)
   */
  public List<ReviewIssue> validate(
      Map<String, String> files, SystemArchitecture architecture, RuntimeProfile profile) {
    ProjectBundle bundle = ProjectBundle.of(files, architecture, profile);
    List<ReviewIssue> issues = new ArrayList<>();
    rules.forEach(rule -> issues.addAll(rule.check(bundle)));
    return List.copyOf(issues);
  }
}
