package dev.forgeflow.agents.validate;

import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code router.prefix}: a router module (one that calls {@code APIRouter(...)}, or any module but
 * {@code __init__.py} in a {@code routers} package) declares exactly one APIRouter with exactly one
 * literal prefix that FastAPI accepts, and no two routers share a prefix.
 */
final class RouterPrefixRule implements Rule {

  static final String ID = "router.prefix";

  @Override
  public List<ReviewIssue> check(ProjectBundle bundle) {
    List<ReviewIssue> issues = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    bundle
        .python()
        .forEach(
            (path, source) -> {
              List<Routers.Declaration> routers = Routers.of(source);
              if (routers.isEmpty() && inRoutersPackage(path)) {
                issues.add(issue(path, 0, "router module declares no APIRouter"));
              }
              if (routers.size() > 1) {
                issues.add(
                    issue(
                        path,
                        routers.get(1).line(),
                        "router module declares "
                            + routers.size()
                            + " APIRouters; declare exactly one"));
              }
              routers.forEach(router -> checkPrefix(path, router, seen, issues));
            });
    return issues;
  }

  private static void checkPrefix(
      String path, Routers.Declaration router, Map<String, String> seen, List<ReviewIssue> issues) {
    String problem = PrefixProblems.of(router);
    if (problem != null) {
      issues.add(issue(path, router.line(), problem));
      return;
    }
    if (router.prefix() == null) {
      return;
    }
    String where = path + ":" + router.line();
    String first = seen.putIfAbsent(router.prefix(), where);
    if (first != null) {
      issues.add(
          issue(
              path,
              router.line(),
              "prefix '" + router.prefix() + "' is already used by the router at " + first));
    }
  }

  private static boolean inRoutersPackage(String path) {
    String[] parts = path.split("/");
    return parts.length >= 2
        && parts[parts.length - 2].equals("routers")
        && !parts[parts.length - 1].equals("__init__.py");
  }

  private static ReviewIssue issue(String path, int line, String message) {
    return new ReviewIssue(Severity.MAJOR, path, line, ID, message);
  }
}
