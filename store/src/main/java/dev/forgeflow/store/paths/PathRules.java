package dev.forgeflow.store.paths;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Confines generated file paths to the project root; the agents' validator and the sandbox's build
 * context both apply it.
 *
 * <p>A path is accepted only if, once put in Unicode NFC, with backslashes, {@code ./} and repeated
 * slashes folded away and {@code ..} resolved, it still names a file strictly inside the root, no
 * deeper than {@value #MAX_DEPTH} levels, no segment over {@value #MAX_SEGMENT_BYTES} and the whole
 * no more than {@value #MAX_PATH_BYTES} bytes of UTF-8, and free of control characters and of
 * characters or names that some filesystem or shell would treat specially.
 */
public final class PathRules {

  public static final int MAX_SEGMENT_BYTES = 255;
  public static final int MAX_PATH_BYTES = 4096;
  public static final int MAX_DEPTH = 12;
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
  private static final Pattern DEVICE =
      Pattern.compile("(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?", Pattern.CASE_INSENSITIVE);
  private static final String FORBIDDEN_CHARS = "~:*?\"<>|";

  private PathRules() {}

  /** Normalises {@code raw} and says whether it stays inside the project root. Never throws. */
  public static PathCheck check(String raw) {
    if (raw == null || raw.isBlank()) {
      return PathCheck.rejected("path is empty");
    }
    if (raw.length() > MAX_PATH_BYTES || utf8Length(raw) > MAX_PATH_BYTES) {
      return PathCheck.rejected("path is longer than " + MAX_PATH_BYTES + " bytes");
    }
    if (raw.codePoints().anyMatch(PathRules::isHidden)) {
      return PathCheck.rejected("path contains a control or invisible formatting character");
    }
    String slashed = Normalizer.normalize(raw, Normalizer.Form.NFC).replace('\\', '/');
    if (slashed.startsWith("/") || DRIVE.matcher(slashed).matches()) {
      return PathCheck.rejected("path is absolute");
    }
    for (char c : FORBIDDEN_CHARS.toCharArray()) {
      if (slashed.indexOf(c) >= 0) {
        return PathCheck.rejected("path contains the reserved character '" + c + "'");
      }
    }
    return normalize(slashed);
  }

  /**
   * What two paths of one bundle must not share: paths equal once case and Unicode normalisation
   * are ignored would overwrite each other on a case-insensitive or normalising file system.
   */
  public static String collisionKey(String path) {
    String folded = Normalizer.normalize(path, Normalizer.Form.NFKC);
    return folded.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }

  private static PathCheck normalize(String slashed) {
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : slashed.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (segments.isEmpty()) {
          return PathCheck.rejected("path escapes the project root with '..'");
        }
        segments.removeLast();
        continue;
      }
      String segmentProblem = segmentProblem(segment);
      if (segmentProblem != null) {
        return PathCheck.rejected(segmentProblem);
      }
      segments.addLast(segment);
    }
    if (segments.isEmpty()) {
      return PathCheck.rejected("path names the project root itself, not a file in it");
    }
    if (segments.size() > MAX_DEPTH) {
      return PathCheck.rejected("path is deeper than " + MAX_DEPTH + " levels");
    }
    String normalized = String.join("/", segments);
    if (utf8Length(normalized) > MAX_PATH_BYTES) {
      return PathCheck.rejected("path is longer than " + MAX_PATH_BYTES + " bytes");
    }
    return PathCheck.accepted(normalized);
  }

  private static String segmentProblem(String segment) {
    if (utf8Length(segment) > MAX_SEGMENT_BYTES) {
      return "path has a segment longer than " + MAX_SEGMENT_BYTES + " bytes";
    }
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

  /** Control (C0, DEL, C1), format (bidi overrides, zero-width) and unpaired surrogate chars. */
  public static boolean isHidden(int codePoint) {
    return Character.isISOControl(codePoint)
        || Character.getType(codePoint) == Character.FORMAT
        || Character.getType(codePoint) == Character.SURROGATE;
  }

  private static int utf8Length(String text) {
    return text.getBytes(UTF_8).length;
  }
}
