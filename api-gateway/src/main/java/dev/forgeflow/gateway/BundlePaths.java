package dev.forgeflow.gateway;

import dev.forgeflow.store.paths.PathCheck;
import dev.forgeflow.store.paths.PathRules;
import java.util.Locale;

/**
 * Checks a file path a request names inside a bundle. Bundles are maps, so no path reaches the
 * disk; still, only a path in the canonical form generated files have is looked up: relative, no
 * {@code .} or {@code ..} segments, no empty segments, no backslashes, no control characters, and
 * no slash or backslash smuggled in percent-encoded.
 */
final class BundlePaths {

  private BundlePaths() {}

  /**
   * The canonical path, from a path variable (decoded) and the request's raw path.
   *
   * @throws org.springframework.web.ErrorResponseException a 400 problem saying what is wrong
   */
  static String requested(String decoded, String rawRequestPath) {
    String raw = rawRequestPath.toLowerCase(Locale.ROOT);
    if (raw.contains("%2f") || raw.contains("%5c")) {
      throw Problems.badRequest("path: contains an encoded slash or backslash");
    }
    return canonical(decoded.startsWith("/") ? decoded.substring(1) : decoded);
  }

  /** The path itself if it is canonical; else a 400 problem. */
  static String canonical(String path) {
    if (path.indexOf('\\') >= 0) {
      throw Problems.badRequest("path: contains a backslash");
    }
    PathCheck check = PathRules.check(path);
    if (!check.ok()) {
      throw Problems.badRequest("path: " + check.rejection());
    }
    if (!check.normalized().equals(path)) {
      throw Problems.badRequest("path: not in canonical form (" + check.normalized() + ")");
    }
    return path;
  }
}
