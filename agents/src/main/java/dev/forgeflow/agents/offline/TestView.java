package dev.forgeflow.agents.offline;

import dev.forgeflow.workflows.artifacts.Entity;
import dev.forgeflow.workflows.artifacts.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the generated tests of one entity send: a valid payload (parents created first), the field
 * an update changes, and the fields used to provoke a 422.
 */
final class TestView {
  private TestView() {}

  static Map<String, Object> of(Entity entity, List<Entity> entities) {
    Map<String, Object> view = new HashMap<>();
    payload(entity, entities, view);
    update(entity, entities, view);
    Field firstRequired = entity.fields().stream().filter(Field::required).findFirst().orElse(null);
    view.put("null_field", firstRequired == null ? "" : firstRequired.name());
    view.put("missing_field", firstRequired == null ? "" : firstRequired.name());
    Field wrong = wrongTypeField(entity);
    view.put("wrong_field", wrong.name());
    view.put("wrong_value", SampleValues.wrongType(wrong));
    limits(entity, view);
    return view;
  }

  /**
   * The fields the tests of the limits use: the first plain field of each type whose values the
   * models bound (text, float, int, datetime), or an empty string when there is none.
   */
  private static void limits(Entity entity, Map<String, Object> view) {
    Field text = plainField(entity, "str");
    view.put("text_field", text == null ? "" : text.name());
    view.put(
        "text_too_long", text == null ? "" : PythonText.integer(FieldView.maxLength(text) + 1));
    String number = name(plainField(entity, "float"));
    view.put("float_field", number);
    view.put("integer_field", name(plainField(entity, "int")));
    view.put("datetime_field", name(plainField(entity, "datetime")));
    view.put("needs_json", text != null || !number.isEmpty());
    view.put("needs_pytest", !number.isEmpty());
  }

  private static Field plainField(Entity entity, String type) {
    return entity.fields().stream()
        .filter(f -> f.references() == null && f.type().equals(type))
        .findFirst()
        .orElse(null);
  }

  private static String name(Field field) {
    return field == null ? "" : field.name();
  }

  private static void payload(Entity entity, List<Entity> entities, Map<String, Object> view) {
    Set<String> parameters = new LinkedHashSet<>();
    List<Map<String, String>> payload = new ArrayList<>();
    for (Field field : entity.fields()) {
      if (field.references() == null) {
        payload.add(Map.of("name", field.name(), "value", SampleValues.valid(field)));
      } else if (field.required()) {
        String parent = "created_" + parentSingular(field, entities);
        parameters.add(parent + ": dict[str, object]");
        payload.add(Map.of("name", field.name(), "value", parent + "[\"id\"]"));
      }
    }
    view.put("payload", payload);
    view.put("payload_parameters", String.join(", ", parameters));
  }

  private static void update(Entity entity, List<Entity> entities, Map<String, Object> view) {
    Field field =
        entity.fields().stream()
            .filter(f -> f.references() == null)
            .findFirst()
            .orElse(entity.fields().get(0));
    view.put("update_field", field.name());
    if (field.references() == null) {
      view.put("update_value", SampleValues.changed(field));
      view.put("update_parameters", "");
      view.put("update_setup", List.of());
      return;
    }
    EntityNames parent = EntityNames.of(EntityNames.find(entities, field.references()));
    view.put("update_value", "other[\"id\"]");
    view.put("update_parameters", ", " + parent.singular() + "_payload: dict[str, object]");
    view.put(
        "update_setup",
        List.of(
            "other = client.post(\"/"
                + parent.plural()
                + "\", json="
                + parent.singular()
                + "_payload).json()"));
  }

  /** A field a wrong-typed value provokes a 422 for: a typed plain field, if there is one. */
  private static Field wrongTypeField(Entity entity) {
    List<Field> plain = entity.fields().stream().filter(f -> f.references() == null).toList();
    return plain.stream()
        .filter(f -> !f.type().equals("str"))
        .findFirst()
        .orElse(plain.isEmpty() ? entity.fields().get(0) : plain.get(0));
  }

  private static String parentSingular(Field field, List<Entity> entities) {
    return EntityNames.of(EntityNames.find(entities, field.references())).singular();
  }
}
