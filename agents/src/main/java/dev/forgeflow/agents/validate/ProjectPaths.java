package dev.forgeflow.agents.validate;

import dev.forgeflow.store.paths.PathCheck;
import dev.forgeflow.store.paths.PathRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Confines model-given file paths to the project root, by the rules every module shares ({@link
 * PathRules}): NFC, no control characters, per-segment and whole-path byte limits, no escape.
 */
public final class ProjectPaths {

  private ProjectPaths() {}

  /** Normalises {@code raw} and says whether it stays inside the project root. Never throws. */
  public static PathVerdict check(String raw) {
    PathCheck check = PathRules.check(raw);
    return check.ok()
        ? PathVerdict.accepted(check.normalized())
        : PathVerdict.rejected(check.rejection());
  }

  /**
   * Resolves {@code relative} under {@code root} and re-checks the result, following symbolic links
   * of the parts that already exist: a link that leads out of the root, or dangles, is refused.
   *
   * @throws IllegalArgumentException if the path is unsafe or resolves outside {@code root}
   */
  public static Path resolveInside(Path root, String relative) {
    PathVerdict verdict = check(relative);
    if (!verdict.ok()) {
      throw new IllegalArgumentException(
          "refusing project path '" + printable(relative) + "': " + verdict.rejection());
    }
    Path base = root.toAbsolutePath().normalize();
    Path resolved = base.resolve(verdict.normalized()).normalize();
    if (!resolved.startsWith(base) || resolved.equals(base)) {
      throw outside(relative, base);
    }
    if (!realPathOfExistingPart(resolved).startsWith(realPathOfExistingPart(base))) {
      throw outside(relative, base);
    }
    return resolved;
  }

  /** Replaces control and format characters so a rejected path can be shown safely. */
  static String printable(String raw) {
    StringBuilder out = new StringBuilder();
    raw.codePoints().forEach(cp -> out.appendCodePoint(PathRules.isHidden(cp) ? '?' : cp));
    return out.toString();
  }

  private static Path realPathOfExistingPart(Path path) {
    Path existing = path;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return path;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(path)).normalize();
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "refusing project path: cannot resolve " + existing + " (dangling link?)", e);
    }
  }

  private static IllegalArgumentException outside(String relative, Path base) {
    return new IllegalArgumentException(
        "refusing project path '" + printable(relative) + "': it resolves outside " + base);
  }
}
