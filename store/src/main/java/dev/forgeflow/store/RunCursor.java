package dev.forgeflow.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * A position in a newest-first list of runs: the creation time and id of the last run listed,
 * opaque to clients (URL-safe Base64).
 */
record RunCursor(OffsetDateTime createdAt, String id) {

  static String of(RunRecord last) {
    Instant at = last.createdAt().toInstant();
    long micros =
        Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
    String plain = micros + ":" + last.id();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The position a cursor names.
   *
   * @throws IllegalArgumentException if it is not a cursor this store made
   */
  static RunCursor parse(String cursor) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int colon = plain.indexOf(':');
      long micros = Long.parseLong(plain.substring(0, colon));
      String id = plain.substring(colon + 1);
      if (id.isEmpty() || id.length() > 64) {
        throw new IllegalArgumentException("empty id");
      }
      Instant at =
          Instant.ofEpochSecond(
              Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
      return new RunCursor(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), id);
    } catch (RuntimeException notOurs) {
      throw new IllegalArgumentException("The page cursor is not one this server gave out");
    }
  }
}
