package dev.forgeflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Compares JSON by content: PostgreSQL may change spacing and key order. */
final class JsonAssert {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonAssert() {}

  static void assertSameJson(String actual, String expected) {
    assertThat(tree(actual)).isEqualTo(tree(expected));
  }

  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("Not JSON: " + json, e);
    }
  }
}
