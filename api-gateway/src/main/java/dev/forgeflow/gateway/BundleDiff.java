package dev.forgeflow.gateway;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A unified diff between two versions of a bundle, file by file in path order, as {@code diff -u}
 * and {@code git diff} write it: {@code a/} and {@code b/} prefixes, {@code /dev/null} for an added
 * or removed file, three lines of context, {@code \ No newline at end of file} where a last line
 * has none. A file that is not UTF-8 text (or holds a NUL) is "Binary files ... differ". Files with
 * the same content are not read at all.
 */
final class BundleDiff {

  private static final int CONTEXT = 3;
  private static final String DEV_NULL = "/dev/null";

  /** Marks a last line without a newline; text with a NUL counts as binary, so it cannot clash. */
  private static final String NO_NEWLINE = "\0";

  private BundleDiff() {}

  /**
   * The diff from {@code before} to {@code after} (path to SHA-256 of content).
   *
   * @param content the content with a given SHA-256
   */
  static String between(
      SortedMap<String, String> before,
      SortedMap<String, String> after,
      Function<String, byte[]> content) {
    TreeSet<String> paths = new TreeSet<>(before.keySet());
    paths.addAll(after.keySet());
    StringBuilder diff = new StringBuilder();
    for (String path : paths) {
      String was = before.get(path);
      String is = after.get(path);
      if (!Objects.equals(was, is)) {
        file(
            diff,
            was == null ? DEV_NULL : "a/" + path,
            is == null ? DEV_NULL : "b/" + path,
            read(was, content),
            read(is, content));
      }
    }
    return diff.toString();
  }

  /** The diff of one path, or of nothing if neither version has it. */
  static String between(
      Map<String, String> before,
      Map<String, String> after,
      String path,
      Function<String, byte[]> content) {
    return between(only(before, path), only(after, path), content);
  }

  private static SortedMap<String, String> only(Map<String, String> files, String path) {
    SortedMap<String, String> one = new TreeMap<>();
    if (files.containsKey(path)) {
      one.put(path, files.get(path));
    }
    return one;
  }

  private static byte[] read(String sha256, Function<String, byte[]> content) {
    return sha256 == null ? new byte[0] : content.apply(sha256);
  }

  private static void file(StringBuilder diff, String from, String to, byte[] was, byte[] is) {
    if (Arrays.equals(was, is) && !from.equals(DEV_NULL) && !to.equals(DEV_NULL)) {
      return;
    }
    Optional<String> wasText = text(was);
    Optional<String> isText = text(is);
    if (wasText.isEmpty() || isText.isEmpty()) {
      diff.append("Binary files ").append(from).append(" and ").append(to).append(" differ\n");
      return;
    }
    List<String> before = lines(wasText.get());
    List<String> after = lines(isText.get());
    diff.append("--- ").append(from).append('\n').append("+++ ").append(to).append('\n');
    if (before.isEmpty() && after.isEmpty()) {
      return; // an empty file added or removed: its headers say so
    }
    if (before.isEmpty() || after.isEmpty()) {
      // One hunk of the whole file; written here because the library numbers an empty side from
      // 1, where diff and git number it from 0.
      diff.append(header(before.size(), after.size()));
      before.forEach(line -> line(diff, "-" + line));
      after.forEach(line -> line(diff, "+" + line));
      return;
    }
    List<String> unified =
        UnifiedDiffUtils.generateUnifiedDiff(
            from, to, before, DiffUtils.diff(before, after), CONTEXT);
    unified.stream().skip(2).forEach(line -> line(diff, line));
  }

  private static String header(int removed, int added) {
    return "@@ -"
        + (removed == 0 ? 0 : 1)
        + ","
        + removed
        + " +"
        + (added == 0 ? 0 : 1)
        + ","
        + added
        + " @@\n";
  }

  private static void line(StringBuilder diff, String line) {
    if (line.endsWith(NO_NEWLINE)) {
      diff.append(line, 0, line.length() - 1).append("\n\\ No newline at end of file\n");
    } else {
      diff.append(line).append('\n');
    }
  }

  private static Optional<String> text(byte[] content) {
    return Utf8.decode(content).filter(text -> text.indexOf('\0') < 0);
  }

  /** The lines without their newlines; a last line without one ends in {@link #NO_NEWLINE}. */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    String last = lines.remove(lines.size() - 1);
    if (!last.isEmpty()) {
      lines.add(last + NO_NEWLINE);
    }
    return lines;
  }
}
