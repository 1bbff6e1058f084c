package dev.forgeflow.store;

import org.jooq.JSONB;

/** Converts between JSON text and jOOQ's JSONB values; null stays null. */
final class Json {

  private Json() {}

  /**
   * The JSON as it can be stored ({@link StorableJson}).
   *
   * @param what names the content should it not be JSON
   */
  static JSONB of(String json, String what) {
    return json == null ? null : JSONB.valueOf(StorableJson.of(json, what));
  }

  static String text(JSONB jsonb) {
    return jsonb == null ? null : jsonb.data();
  }
}
