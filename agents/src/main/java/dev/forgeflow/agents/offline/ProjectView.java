package dev.forgeflow.agents.offline;

import dev.forgeflow.workflows.artifacts.Entity;
import dev.forgeflow.workflows.artifacts.Field;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
    models(entities, view);
    view.put(
        "routers_import",
        PythonText.fromImport(
            "app.routers", entities.stream().map(Entity::plural).sorted().toList()));
    view.put("endpoints", architecture.endpoints());
    view.put("mermaid", architecture.mermaid());
    view.put("files", architecture.filePlan());
    return view;
  }

  /** What the header of app/models.py imports and defines: only what its fields use. */
  private static void models(List<Entity> entities, Map<String, Object> view) {
    List<Field> fields = entities.stream().flatMap(e -> e.fields().stream()).toList();
    Set<String> annotations = new TreeSet<>();
    fields.forEach(f -> annotations.add(FieldView.annotation(f)));
    boolean integer = annotations.contains("Int64");
    boolean shortText = annotations.contains("ShortText");
    boolean longText = annotations.contains("LongText");
    boolean text = shortText || longText;
    boolean date = annotations.contains("dt.date");
    boolean utc = annotations.contains("UtcDatetime");
    boolean annotated = integer || text || utc;
    view.put("needs_dt", date || utc);
    view.put("needs_utc", utc);
    view.put("needs_annotated", annotated);
    view.put("has_stdlib_imports", date || annotated);
    view.put("uses_int64", integer);
    view.put("uses_text", text);
    view.put("uses_short_text", shortText);
    view.put("uses_long_text", longText);
    view.put("has_helpers", text || utc);
    view.put("has_aliases", annotated);
    view.put("short_text_length", PythonText.integer(FieldView.SHORT_TEXT));
    view.put("long_text_length", PythonText.integer(FieldView.LONG_TEXT));
    view.put("short_text_characters", String.format(Locale.ROOT, "%,d", FieldView.SHORT_TEXT));
    view.put("long_text_characters", String.format(Locale.ROOT, "%,d", FieldView.LONG_TEXT));
    Set<String> pydantic = new TreeSet<>();
    if (text || utc) {
      pydantic.add("AfterValidator");
    }
    if (annotations.contains("FiniteFloat")) {
      pydantic.add("FiniteFloat");
    }
    view.put(
        "pydantic_import", pydantic.isEmpty() ? "" : PythonText.fromImport("pydantic", pydantic));
    Set<String> columnTypes = new TreeSet<>();
    for (Field field : fields) {
      String column = FieldView.columnType(field);
      if (column != null) {
        columnTypes.add(column.substring(0, column.indexOf('(')));
      }
    }
    Set<String> sqlmodel = new TreeSet<>(List.of("Field", "SQLModel"));
    if (columnTypes.remove("AutoString")) {
      sqlmodel.add("AutoString");
    }
    view.put(
        "sqlalchemy_import",
        columnTypes.isEmpty() ? "" : PythonText.fromImport("sqlalchemy", columnTypes));
    view.put("sqlmodel_import", PythonText.fromImport("sqlmodel", sqlmodel));
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
