package dev.forgeflow.agents.offline;

import dev.forgeflow.workflows.artifacts.Entity;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The template context every file of a project shares. */
final class ProjectView {
  private ProjectView() {}

  static Map<String, Object> of(
      ProjectCharter charter, List<Entity> entities, SystemArchitecture architecture) {
    String name = slug(charter.name());
    Map<String, Object> view = new HashMap<>();
    view.put("project_name", name);
    view.put("title", title(charter));
    view.put("description", charter.description());
    view.put("description_literal", PythonText.wrappedLiteral(charter.description(), 4));
    view.put("database_file", databaseFile(charter));
    view.put("entities", entities.stream().map(e -> EntityView.of(e, entities)).toList());
    List<String> types =
        entities.stream().flatMap(e -> e.fields().stream()).map(f -> f.type()).toList();
    view.put("needs_dt", types.contains("date") || types.contains("datetime"));
    view.put("needs_utc", types.contains("datetime"));
    view.put(
        "routers_import",
        PythonText.fromImport(
            "app.routers", entities.stream().map(Entity::plural).sorted().toList()));
    view.put("endpoints", architecture.endpoints());
    view.put("mermaid", architecture.mermaid());
    view.put("files", architecture.filePlan());
    return view;
  }

  /** The project's name for people, e.g. {@code Bookstore API}. */
  static String title(ProjectCharter charter) {
    return ProjectNamer.title(slug(charter.name()));
  }

  /** The SQLite file name under /tmp, e.g. {@code bookstore_api.db}. */
  static String databaseFile(ProjectCharter charter) {
    return slug(charter.name()).replace('-', '_') + ".db";
  }

  private static String slug(String name) {
    String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    slug = slug.replaceAll("^-+|-+$", "");
    return slug.isEmpty() || !Character.isLetter(slug.charAt(0)) ? "service" : slug;
  }
}
