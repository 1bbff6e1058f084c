package dev.forgeflow.agents.offline;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The field types the offline planner knows, and the words a prompt may use for them. */
final class FieldTypes {
  static final List<String> TYPES = List.of("str", "int", "float", "bool", "date", "datetime");

  private static final Map<String, String> SYNONYMS =
      Map.ofEntries(
          Map.entry("str", "str"),
          Map.entry("string", "str"),
          Map.entry("text", "str"),
          Map.entry("varchar", "str"),
          Map.entry("email", "str"),
          Map.entry("email address", "str"),
          Map.entry("url", "str"),
          Map.entry("int", "int"),
          Map.entry("integer", "int"),
          Map.entry("long", "int"),
          Map.entry("bigint", "int"),
          Map.entry("whole number", "int"),
          Map.entry("count", "int"),
          Map.entry("float", "float"),
          Map.entry("number", "float"),
          Map.entry("decimal", "float"),
          Map.entry("double", "float"),
          Map.entry("real", "float"),
          Map.entry("numeric", "float"),
          Map.entry("amount", "float"),
          Map.entry("floating point", "float"),
          Map.entry("floating-point", "float"),
          Map.entry("bool", "bool"),
          Map.entry("boolean", "bool"),
          Map.entry("flag", "bool"),
          Map.entry("yes/no", "bool"),
          Map.entry("true/false", "bool"),
          Map.entry("date", "date"),
          Map.entry("datetime", "datetime"),
          Map.entry("date-time", "datetime"),
          Map.entry("date_time", "datetime"),
          Map.entry("date/time", "datetime"),
          Map.entry("date and time", "datetime"),
          Map.entry("timestamp", "datetime"));

  /** Type words that, after a name, only type it: "pinned flag" is a bool called pinned. */
  static final Set<String> TYPING_SUFFIXES =
      Set.of(
          "str", "string", "text", "int", "integer", "float", "decimal", "double", "bool",
          "boolean", "flag");

  /** Type words that, after a name, stay part of it: "due date", "view count", "total amount". */
  static final Set<String> NAMING_SUFFIXES =
      Set.of("date", "datetime", "timestamp", "count", "amount");

  /** Type words that may stand before a name: "a decimal price", "an integer rating". */
  static final Set<String> PREFIXES =
      Set.of("string", "text", "integer", "int", "float", "decimal", "double", "boolean", "bool");

  private FieldTypes() {}

  /** The canonical type a word names, e.g. {@code integer} to {@code int}. */
  static Optional<String> canonical(String word) {
    return Optional.ofNullable(SYNONYMS.get(word.trim().toLowerCase(Locale.ROOT)));
  }

  static String describe() {
    return "str (string, text), int (integer, whole number, count), float (number, decimal,"
        + " double, amount), bool (boolean, flag, yes/no), date, datetime (timestamp)";
  }
}
