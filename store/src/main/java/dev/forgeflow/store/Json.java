package dev.forgeflow.store;

import org.jooq.JSONB;

/** Converts between JSON text and jOOQ's JSONB values; null stays null. */
final class Json {

  private Json() {}

  static JSONB of(String json) {
    return json == null ? null : JSONB.valueOf(json);
  }

  static String text(JSONB jsonb) {
    return jsonb == null ? null : jsonb.data();
  }
}
