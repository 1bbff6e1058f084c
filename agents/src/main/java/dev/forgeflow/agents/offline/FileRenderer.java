package dev.forgeflow.agents.offline;

import dev.forgeflow.workflows.artifacts.Entity;
import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders one planned file from its template; the entities come from the architecture's tables. */
final class FileRenderer {
  private static final Pattern ROUTER = Pattern.compile("app/routers/(\\w+)\\.py");
  private static final Pattern TESTS = Pattern.compile("tests/test_(\\w+)\\.py");
  private static final Set<String> PROJECT_FILES =
      Set.of(
          "app/__init__.py",
          "app/database.py",
          "app/models.py",
          "app/routers/__init__.py",
          "app/main.py",
          "tests/__init__.py",
          "tests/conftest.py",
          "tests/test_health.py",
          "pytest.ini",
          "requirements.txt",
          "README.md");

  private FileRenderer() {}

  static String render(PlannedFile file, ProjectCharter charter, SystemArchitecture architecture) {
    String text = content(file, charter, architecture);
    return file.path().endsWith(".py") ? PythonLayout.functionHeaders(text) : text;
  }

  private static String content(
      PlannedFile file, ProjectCharter charter, SystemArchitecture architecture) {
    List<Entity> entities = DataModel.entities(architecture.dataModel());
    Map<String, Object> project = ProjectView.of(charter, entities, architecture);
    String path = file.path();
    if (PROJECT_FILES.contains(path)) {
      return Templates.render(path, project);
    }
    Optional<Entity> routed = entityOf(ROUTER, path, entities);
    if (routed.isPresent()) {
      return Templates.render("app/routers/resource.py", merged(project, routed.get(), entities));
    }
    Optional<Entity> tested = entityOf(TESTS, path, entities);
    if (tested.isPresent()) {
      return Templates.render("tests/test_resource.py", merged(project, tested.get(), entities));
    }
    throw new IllegalArgumentException("the offline planner has no template for " + path);
  }

  private static Optional<Entity> entityOf(Pattern pattern, String path, List<Entity> entities) {
    Matcher m = pattern.matcher(path);
    if (!m.matches()) {
      return Optional.empty();
    }
    return entities.stream().filter(e -> e.plural().equals(m.group(1))).findFirst();
  }

  private static Map<String, Object> merged(
      Map<String, Object> project, Entity entity, List<Entity> entities) {
    Map<String, Object> context = new HashMap<>(project);
    context.putAll(EntityView.of(entity, entities));
    return context;
  }
}
