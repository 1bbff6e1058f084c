package dev.forgeflow.agents.retrieval;

import java.util.Map;

/**
 * A passage to index: a stable id (indexing it again replaces it), its text, and metadata whose
 * values are strings or integers.
 */
public record Chunk(String id, String text, Map<String, Object> metadata) {

  public Chunk {
    metadata = Map.copyOf(metadata);
    for (Object value : metadata.values()) {
      if (!(value instanceof String) && !(value instanceof Integer)) {
        throw new IllegalArgumentException("metadata values are strings or integers: " + value);
      }
    }
  }

  /** A string metadata value, or null. */
  public String string(String key) {
    return metadata.get(key) instanceof String s ? s : null;
  }

  /** An integer metadata value, or null. */
  public Integer integer(String key) {
    return metadata.get(key) instanceof Integer i ? i : null;
  }
}
