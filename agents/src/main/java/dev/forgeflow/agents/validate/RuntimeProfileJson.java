package dev.forgeflow.agents.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads {@link RuntimeProfile}s from their JSON form. */
final class RuntimeProfileJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final RuntimeProfile BUNDLED = parse(readResource(RuntimeProfile.RESOURCE));

  private RuntimeProfileJson() {}

  static RuntimeProfile parse(String json) {
    JsonNode root = readTree(json);
    JsonNode packagesNode = required(root, "packages");
    if (!packagesNode.isObject()) {
      throw new IllegalArgumentException("runtime profile field 'packages' is not an object");
    }
    Map<String, String> packages = new LinkedHashMap<>();
    packagesNode.properties().forEach(e -> packages.put(e.getKey(), e.getValue().asText()));
    Set<String> modules = root.has("modules") ? strings(root.get("modules")) : derived(packages);
    return new RuntimeProfile(
        required(root, "python").asText(), packages, modules, strings(required(root, "stdlib")));
  }

  private static JsonNode readTree(String json) {
    try {
      JsonNode root = MAPPER.readTree(json == null ? "" : json);
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("runtime profile is not a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("runtime profile is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static JsonNode required(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      throw new IllegalArgumentException("runtime profile lacks the field '" + field + "'");
    }
    return node;
  }

  private static Set<String> strings(JsonNode array) {
    if (!array.isArray()) {
      throw new IllegalArgumentException("runtime profile field is not a list: " + array);
    }
    Set<String> values = new LinkedHashSet<>();
    array.forEach(item -> values.add(item.asText()));
    return values;
  }

  private static Set<String> derived(Map<String, String> packages) {
    Set<String> modules = new LinkedHashSet<>();
    packages.keySet().forEach(p -> modules.add(p.toLowerCase(Locale.ROOT).replace('-', '_')));
    return modules;
  }

  private static String readResource(String name) {
    try (InputStream in = RuntimeProfile.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " next to RuntimeProfile");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}
