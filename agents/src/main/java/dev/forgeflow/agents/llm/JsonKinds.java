package dev.forgeflow.agents.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** JSON schema's names for the kinds of JSON values, and how they fit declared types. */
final class JsonKinds {
  private JsonKinds() {}

  static String kind(JsonNode value) {
    if (value == null || value.isNull()) {
      return "null";
    }
    if (value.isTextual()) {
      return "string";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    if (value.isIntegralNumber()) {
      return "integer";
    }
    if (value.isNumber()) {
      return "number";
    }
    return value.isArray() ? "array" : value.isObject() ? "object" : value.getNodeType().name();
  }

  /** Whether a value of {@code actual} kind fits a declared {@code type}; integers are numbers. */
  static boolean fits(String actual, String type) {
    return actual.equals(type) || ("integer".equals(actual) && "number".equals(type));
  }

  static boolean inEnum(JsonNode value, List<?> allowed) {
    if (value.isNull()) {
      return allowed.contains(null);
    }
    return allowed.stream().anyMatch(a -> a != null && a.toString().equals(value.asText()));
  }
}
