package dev.forgeflow.sandbox.image;

import dev.forgeflow.store.paths.PathCheck;
import dev.forgeflow.store.paths.PathRules;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The rule a bundle path must pass before it enters a build context. */
final class BundlePaths {

  private BundlePaths() {}

  /**
   * The path, if it passes the shared {@link PathRules} and is already in their canonical form
   * (relative, forward slashes, NFC, no empty, {@code .} or {@code ..} segment); otherwise throws
   * {@link IllegalArgumentException} naming it.
   */
  static String checked(String path) {
    PathCheck check = PathRules.check(path);
    if (!check.ok()) {
      throw new IllegalArgumentException(
          "A bundle path is refused (" + check.rejection() + "): " + printable(path));
    }
    if (!check.normalized().equals(path)) {
      throw new IllegalArgumentException(
          "A bundle path must be in canonical form ("
              + check.normalized()
              + "): "
              + printable(path));
    }
    return path;
  }

  /**
   * Checks every path of a bundle, and that no two differ only by case or Unicode normalisation (on
   * a case-insensitive checkout one would silently overwrite the other).
   */
  static void checkedAll(Collection<String> paths) {
    Map<String, String> byKey = new HashMap<>();
    for (String path : paths) {
      String previous = byKey.putIfAbsent(PathRules.collisionKey(checked(path)), path);
      if (previous != null) {
        throw new IllegalArgumentException(
            "Two bundle paths differ only by case or normalisation: "
                + printable(previous)
                + " and "
                + printable(path));
      }
    }
  }

  private static String printable(String path) {
    if (path == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder();
    path.codePoints().forEach(cp -> out.appendCodePoint(PathRules.isHidden(cp) ? '?' : cp));
    return out.toString();
  }
}
