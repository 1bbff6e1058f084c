package dev.forgeflow.agents.offline;

import dev.forgeflow.workflows.artifacts.Field;

/** Python literals the generated tests send: a valid value, a changed one and a wrong-typed one. */
final class SampleValues {
  private SampleValues() {}

  static String valid(Field field) {
    return switch (field.type()) {
      case "int" -> "7";
      case "float" -> "12.5";
      case "bool" -> "True";
      case "date" -> "\"2024-05-17\"";
      case "datetime" -> "\"2024-05-17T10:30:00\"";
      default -> PythonText.literal("sample " + field.name().replace('_', ' '));
    };
  }

  static String changed(Field field) {
    return switch (field.type()) {
      case "int" -> "8";
      case "float" -> "13.75";
      case "bool" -> "False";
      case "date" -> "\"2024-06-01\"";
      case "datetime" -> "\"2024-06-01T08:15:00\"";
      default -> PythonText.literal("changed " + field.name().replace('_', ' '));
    };
  }

  static String wrongType(Field field) {
    return switch (field.type()) {
      case "int", "float" -> "\"not a number\"";
      case "bool" -> "\"not a boolean\"";
      case "date" -> "\"not a date\"";
      case "datetime" -> "\"not a datetime\"";
      default -> "[\"not\", \"a\", \"string\"]";
    };
  }
}
