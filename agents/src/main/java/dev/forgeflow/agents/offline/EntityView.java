package dev.forgeflow.agents.offline;

import dev.forgeflow.workflows.artifacts.Entity;
import dev.forgeflow.workflows.artifacts.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The template context of one entity: its names, fields, keys and its models import. */
final class EntityView {
  private EntityView() {}

  static Map<String, Object> of(Entity entity, List<Entity> entities) {
    EntityNames names = EntityNames.of(entity);
    Map<String, Object> view = new HashMap<>();
    view.put("class", names.className());
    view.put("plural", names.plural());
    view.put("singular", names.singular());
    view.put("human", names.human());
    view.put("human_plural", names.humanPlural());
    view.put("article", names.article());
    view.put("Article", names.article().equals("an") ? "An" : "A");
    view.put("fields", entity.fields().stream().map(f -> FieldView.of(f, entities)).toList());
    view.put("required_tuple", PythonText.tuple(required(entity)));
    List<Map<String, Object>> references = references(entity, entities);
    List<Map<String, Object>> children = children(entity, entities);
    view.put("references", references);
    view.put("has_references", !references.isEmpty());
    view.put("children", children);
    view.put("has_children", !children.isEmpty());
    view.put("models_import", modelsImport(entity, references, children));
    view.putAll(TestView.of(entity, entities));
    return view;
  }

  private static List<String> required(Entity entity) {
    return entity.fields().stream().filter(Field::required).map(Field::name).toList();
  }

  private static List<Map<String, Object>> references(Entity entity, List<Entity> entities) {
    return entity.fields().stream()
        .filter(f -> f.references() != null)
        .map(
            f -> {
              EntityNames parent = EntityNames.of(EntityNames.find(entities, f.references()));
              return Map.<String, Object>of(
                  "field", f.name(),
                  "parent_class", parent.className(),
                  "parent_plural", parent.plural(),
                  "parent_singular", parent.singular(),
                  "parent_human", parent.human(),
                  "required", f.required());
            })
        .toList();
  }

  private static List<Map<String, Object>> children(Entity entity, List<Entity> entities) {
    return entities.stream()
        .flatMap(
            child ->
                child.fields().stream()
                    .filter(f -> entity.name().equals(f.references()))
                    .map(
                        f ->
                            Map.<String, Object>of(
                                "child_class", child.name(),
                                "field", f.name(),
                                "child_human_plural", EntityNames.of(child).humanPlural())))
        .toList();
  }

  private static String modelsImport(
      Entity entity, List<Map<String, Object>> references, List<Map<String, Object>> children) {
    TreeSet<String> names = new TreeSet<>();
    for (String suffix : List.of("", "Create", "Read", "Update")) {
      names.add(entity.name() + suffix);
    }
    references.forEach(r -> names.add((String) r.get("parent_class")));
    children.forEach(c -> names.add((String) c.get("child_class")));
    List<String> imported = new ArrayList<>(List.of("MAX_INTEGER")); // constants first, as isort
    imported.addAll(names);
    return PythonText.fromImport("app.models", imported);
  }
}
