package dev.forgeflow.agents.offline;

import dev.forgeflow.workflows.artifacts.Entity;
import dev.forgeflow.workflows.artifacts.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How one field is declared in the generated models. */
final class FieldView {
  private FieldView() {}

  static Map<String, Object> of(Field field, List<Entity> entities) {
    return Map.of(
        "name", field.name(),
        "declaration", declaration(field, entities),
        "update_declaration", field.name() + ": " + annotation(field) + " | None = None");
  }

  private static String declaration(Field field, List<Entity> entities) {
    String type = annotation(field);
    List<String> options = new ArrayList<>();
    if (!field.required()) {
      type += " | None";
      options.add("default=None");
    }
    if (field.references() != null) {
      String key = EntityNames.find(entities, field.references()).plural() + ".id";
      options.add("foreign_key=\"" + key + "\"");
      options.add("index=True");
    }
    if (field.type().equals("datetime")) {
      options.add("sa_type=DateTime()");
    }
    if (options.isEmpty() || options.equals(List.of("default=None"))) {
      return field.name() + ": " + type + (field.required() ? "" : " = None");
    }
    String arguments = String.join(", ", options);
    String line = field.name() + ": " + type + " = Field(" + arguments + ")";
    // indented by 4 in the class body; wrapped as the usual formatters wrap it
    return line.length() + 4 <= 88
        ? line
        : field.name() + ": " + type + " = Field(\n        " + arguments + "\n    )";
  }

  private static String annotation(Field field) {
    return SampleValues.annotation(field.type());
  }
}
