package dev.forgeflow.store;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/** The rules for deriving a bundle version's files from its base and its changes. */
final class BundleFiles {

  private BundleFiles() {}

  /** Applies the changes to {@code files}: a path maps to its new content, or null to drop it. */
  static void apply(Map<String, String> changes, SortedMap<String, String> files) {
    changes.forEach(
        (path, sha256) -> {
          if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("A bundle file needs a non-blank path");
          }
          if (sha256 == null) {
            files.remove(path);
          } else {
            files.put(path, sha256);
          }
        });
  }

  /** The contents the changes name, without the removals. */
  static Set<String> named(Map<String, String> changes) {
    Set<String> named = new TreeSet<>();
    changes.values().stream().filter(Objects::nonNull).forEach(named::add);
    return named;
  }
}
