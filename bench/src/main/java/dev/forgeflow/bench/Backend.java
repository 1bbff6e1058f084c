package dev.forgeflow.bench;

import java.util.List;
import java.util.Locale;

/** The Temporal a benchmark's stack runs on, as {@code forgeflow.temporal-local} names it. */
enum Backend {
  IN_PROCESS("in-process", "in-process service"),
  DEV_SERVER("dev-server", "dev server");

  private final String property;
  private final String label;

  Backend(String property, String label) {
    this.property = property;
    this.label = label;
  }

  /** The value of {@code forgeflow.temporal-local} that chooses it. */
  String property() {
    return property;
  }

  /** How reports name it. */
  String label() {
    return label;
  }

  /** {@code both}, {@code in-process} or {@code dev-server}; both means the in-process first. */
  static List<Backend> parse(String value) {
    String given = value.strip().toLowerCase(Locale.ROOT);
    if (given.equals("both")) {
      return List.of(IN_PROCESS, DEV_SERVER);
    }
    for (Backend backend : values()) {
      if (backend.property.equals(given)) {
        return List.of(backend);
      }
    }
    throw new IllegalArgumentException(
        "expected --temporal=both, in-process or dev-server, got '" + value + "'");
  }
}
