package dev.forgeflow.agents.llm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A named JSON schema the model's reply must follow (sent as a strict {@code json_schema} response
 * format).
 *
 * @param name a short identifier ({@code [a-zA-Z0-9_-]}, at most 64 characters)
 * @param schema the JSON schema as nested maps and lists
 */
public record JsonSchemaSpec(String name, Map<String, Object> schema) {
  public JsonSchemaSpec {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[a-zA-Z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("schema name must match [a-zA-Z0-9_-]{1,64}: " + name);
    }
    // Keeps the schema's key order: the model reads it.
    schema = Collections.unmodifiableMap(new LinkedHashMap<>(schema));
  }
}
