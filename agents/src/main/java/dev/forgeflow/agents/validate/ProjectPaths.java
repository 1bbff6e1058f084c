package dev.forgeflow.agents.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Confines model-given file paths to the project root.
 *
 * <p>A path is accepted only if, once backslashes, {@code ./} and repeated slashes are folded away
 * and {@code ..} is resolved, it still names a file strictly inside the root, no deeper than
 * {@value #MAX_DEPTH} levels, no longer than {@value #MAX_LENGTH} characters, and free of
 * characters or names that some filesystem or shell would treat specially.
 */
public final class ProjectPaths {

  static final int MAX_LENGTH = 255;
  static final int MAX_DEPTH = 12;
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
  private static final Pattern DEVICE =
      Pattern.compile("(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?", Pattern.CASE_INSENSITIVE);
  private static final String FORBIDDEN_CHARS = "~:*?\"<>|";

  private ProjectPaths() {}

  /** Normalises {@code raw} and says whether it stays inside the project root. Never throws. */
  public static PathVerdict check(String raw) {
    if (raw == null || raw.isBlank()) {
      return PathVerdict.rejected("path is empty");
    }
    if (raw.length() > MAX_LENGTH) {
      return PathVerdict.rejected("path is longer than " + MAX_LENGTH + " characters");
    }
    if (raw.codePoints().anyMatch(ProjectPaths::isHidden)) {
      return PathVerdict.rejected("path contains a control or invisible formatting character");
    }
    String slashed = raw.replace('\\', '/');
    if (slashed.startsWith("/") || DRIVE.matcher(slashed).matches()) {
      return PathVerdict.rejected("path is absolute");
    }
    for (char c : FORBIDDEN_CHARS.toCharArray()) {
      if (raw.indexOf(c) >= 0) {
        return PathVerdict.rejected("path contains the reserved character '" + c + "'");
      }
    }
    return normalize(slashed);
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
    raw.codePoints().forEach(cp -> out.appendCodePoint(isHidden(cp) ? '?' : cp));
    return out.toString();
  }

  private static PathVerdict normalize(String slashed) {
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : slashed.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (segments.isEmpty()) {
          return PathVerdict.rejected("path escapes the project root with '..'");
        }
        segments.removeLast();
        continue;
      }
      String segmentProblem = segmentProblem(segment);
      if (segmentProblem != null) {
        return PathVerdict.rejected(segmentProblem);
      }
      segments.addLast(segment);
    }
    if (segments.isEmpty()) {
      return PathVerdict.rejected("path names the project root itself, not a file in it");
    }
    if (segments.size() > MAX_DEPTH) {
      return PathVerdict.rejected("path is deeper than " + MAX_DEPTH + " levels");
    }
    return PathVerdict.accepted(String.join("/", segments));
  }

  private static String segmentProblem(String segment) {
    if (segment.toLowerCase(Locale.ROOT).equals(".git")) {
      return "path reaches into the .git directory";
    }
    if (segment.chars().allMatch(c -> c == '.')) {
      return "path has a segment made only of dots";
    }
    if (!segment.strip().equals(segment) || segment.endsWith(".")) {
      return "path has a segment with leading or trailing spaces or a trailing dot";
    }
    if (DEVICE.matcher(segment).matches()) {
      return "path names a reserved device (" + segment + ")";
    }
    return null;
  }

  private static boolean isHidden(int codePoint) {
    return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT;
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
