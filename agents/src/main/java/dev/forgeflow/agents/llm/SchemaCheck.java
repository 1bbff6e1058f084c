package dev.forgeflow.agents.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON value against the subset of JSON schema that {@link JsonSchemas} produces: type (or
 * a list of types), properties, required, additionalProperties, items, enum and anyOf.
 */
final class SchemaCheck {
  private final List<String> problems = new ArrayList<>();

  private SchemaCheck() {}

  /** What is wrong with the value, one line per problem with its JSON path; empty when valid. */
  static List<String> problems(JsonNode value, Map<?, ?> schema) {
    SchemaCheck check = new SchemaCheck();
    check.check(value, schema, "$");
    return check.problems;
  }

  private void check(JsonNode value, Map<?, ?> schema, String path) {
    if (schema.get("anyOf") instanceof List<?> options) {
      if (options.stream().noneMatch(o -> problems(value, asSchema(o)).isEmpty())) {
        problems.add(path + ": matches none of the allowed shapes");
      }
      return;
    }
    List<?> types = schema.get("type") instanceof List<?> list ? list : List.of(schema.get("type"));
    String actual = JsonKinds.kind(value);
    if (types.stream().noneMatch(t -> JsonKinds.fits(actual, String.valueOf(t)))) {
      problems.add(
          path
              + ": expected "
              + String.join(" or ", types.stream().map(String::valueOf).toList())
              + ", got "
              + actual);
      return;
    }
    if (schema.get("enum") instanceof List<?> allowed && !JsonKinds.inEnum(value, allowed)) {
      problems.add(path + ": must be one of " + allowed + ", got " + value);
    }
    if (value.isObject()) {
      checkObject(value, schema, path);
    } else if (value.isArray() && schema.get("items") instanceof Map<?, ?> items) {
      for (int i = 0; i < value.size(); i++) {
        check(value.get(i), items, path + "[" + i + "]");
      }
    }
  }

  private void checkObject(JsonNode value, Map<?, ?> schema, String path) {
    Map<?, ?> properties = schema.get("properties") instanceof Map<?, ?> p ? p : Map.of();
    if (schema.get("required") instanceof List<?> required) {
      for (Object name : required) {
        if (!value.has(String.valueOf(name))) {
          problems.add(path + ": missing required property '" + name + "'");
        }
      }
    }
    value
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (properties.get(name) instanceof Map<?, ?> property) {
                check(value.get(name), property, path + "." + name);
              } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                problems.add(path + ": unexpected property '" + name + "'");
              }
            });
  }

  private static Map<?, ?> asSchema(Object option) {
    return option instanceof Map<?, ?> map ? map : Map.of();
  }
}
