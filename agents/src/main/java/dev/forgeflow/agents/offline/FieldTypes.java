package dev.forgeflow.agents.offline;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The field types the offline planner knows, and the words a prompt may use for them. */
final class FieldTypes {
  static final List<String> TYPES = List.of("str", "int", "float", "bool", "date", "datetime");

  private static final Map<String, String> SYNONYMS =
      Map.ofEntries(
          Map.entry("str", "str"),
          Map.entry("string", "str"),
          Map.entry("text", "str"),
          Map.entry("varchar", "str"),
          Map.entry("int", "int"),
          Map.entry("integer", "int"),
          Map.entry("long", "int"),
          Map.entry("bigint", "int"),
          Map.entry("float", "float"),
          Map.entry("number", "float"),
          Map.entry("decimal", "float"),
          Map.entry("double", "float"),
          Map.entry("real", "float"),
          Map.entry("numeric", "float"),
          Map.entry("bool", "bool"),
          Map.entry("boolean", "bool"),
          Map.entry("date", "date"),
          Map.entry("datetime", "datetime"),
          Map.entry("date-time", "datetime"),
          Map.entry("date_time", "datetime"),
          Map.entry("timestamp", "datetime"));

  private FieldTypes() {}

  /** The canonical type a word names, e.g. {@code integer} to {@code int}. */
  static Optional<String> canonical(String word) {
    return Optional.ofNullable(SYNONYMS.get(word.trim().toLowerCase(Locale.ROOT)));
  }

  static String describe() {
    return "str (string, text), int (integer), float (number, decimal, double), "
        + "bool (boolean), date, datetime (timestamp)";
  }
}
