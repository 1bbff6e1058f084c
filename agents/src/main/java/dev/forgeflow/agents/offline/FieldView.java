package dev.forgeflow.agents.offline;

import dev.forgeflow.workflows.artifacts.Entity;
import dev.forgeflow.workflows.artifacts.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one field is declared in the generated models, with the limits that keep what clients send
 * storable: bounded text without lone surrogates, finite numbers, integers within 64 bits.
 */
final class FieldView {
  /** The longest short text, such as a name or a title. */
  static final int SHORT_TEXT = 255;

  /** The longest long text, such as a body or notes. */
  static final int LONG_TEXT = 10_000;

  /** The bounds of a foreign key: ids are positive and fit a 64-bit INTEGER. */
  private static final List<String> KEY_BOUNDS = List.of("ge=1", "le=MAX_INTEGER");

  /** Last words of field names that hold prose rather than a name or a code. */
  private static final Set<String> PROSE =
      Set.of(
          "bio",
          "body",
          "comment",
          "comments",
          "content",
          "description",
          "details",
          "instructions",
          "message",
          "note",
          "notes",
          "reason",
          "remarks",
          "summary",
          "text");

  private FieldView() {}

  static Map<String, Object> of(Field field, List<Entity> entities) {
    return Map.of(
        "name", field.name(),
        "declaration", declaration(field, entities),
        "update_declaration", updateDeclaration(field));
  }

  /** The annotation of a field in the generated models, e.g. {@code ShortText}. */
  static String annotation(Field field) {
    if (isKey(field)) {
      return "int";
    }
    return switch (field.type()) {
      case "str" -> isLongText(field) ? "LongText" : "ShortText";
      case "int" -> "Int64";
      case "float" -> "FiniteFloat";
      case "date" -> "dt.date";
      case "datetime" -> "UtcDatetime";
      default -> field.type();
    };
  }

  /**
   * The column type a table field states itself, or null when SQLModel infers it: datetimes, and
   * optional fields of an {@code Annotated} type, which SQLModel before 0.0.22 cannot look into.
   */
  static String columnType(Field field) {
    if (field.type().equals("datetime")) {
      return "DateTime()";
    }
    if (field.required() || isKey(field)) {
      return null;
    }
    return switch (field.type()) {
      case "str" -> "AutoString(length=" + PythonText.integer(maxLength(field)) + ")";
      case "int" -> "Integer()";
      case "float" -> "Float()";
      default -> null;
    };
  }

  /** The most characters a text field holds. */
  static int maxLength(Field field) {
    return isLongText(field) ? LONG_TEXT : SHORT_TEXT;
  }

  /** A foreign key: an int the generated models bound in its own {@code Field(...)}. */
  static boolean isKey(Field field) {
    return field.references() != null && field.type().equals("int");
  }

  private static boolean isLongText(Field field) {
    String[] words = field.name().split("_");
    return field.type().equals("str") && PROSE.contains(words[words.length - 1]);
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
    if (isKey(field)) {
      options.addAll(KEY_BOUNDS);
    }
    String column = columnType(field);
    if (column != null) {
      options.add("sa_type=" + column);
    }
    return assigned(field.name() + ": " + type, options);
  }

  private static String updateDeclaration(Field field) {
    List<String> options = new ArrayList<>(List.of("default=None"));
    if (isKey(field)) {
      options.addAll(KEY_BOUNDS);
    }
    return assigned(field.name() + ": " + annotation(field) + " | None", options);
  }

  /** {@code name: type}, {@code = None} or {@code = Field(...)} as the options ask. */
  private static String assigned(String annotated, List<String> options) {
    if (options.isEmpty()) {
      return annotated;
    }
    if (options.equals(List.of("default=None"))) {
      return annotated + " = None";
    }
    String arguments = String.join(", ", options);
    String line = annotated + " = Field(" + arguments + ")";
    // indented by 4 in the class body; wrapped as the usual formatters wrap it
    return line.length() + 4 <= 88
        ? line
        : annotated + " = Field(\n        " + arguments + "\n    )";
  }
}
