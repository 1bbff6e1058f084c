package dev.forgeflow.agents.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds {@code books (title, price: float)} and {@code Category(name)}: a resource name followed by
 * its fields in parentheses. Parentheses holding a type ({@code (optional)}, {@code (bool)}) or
 * prose ({@code (and their reviews)}, {@code (e.g. admins)}) are no declaration.
 */
final class ParenthesizedDeclarations {
  /** How far before a group its name may start; the name is one of its last few words. */
  private static final int LOOK_BACK = 120;

  private static final Set<String> NOT_FIELDS = Set.of("optional", "required", "unique");

  private ParenthesizedDeclarations() {}

  /** The declarations in {@code text}; their spans are blanked out so later readers skip them. */
  static List<RawResource> find(StringBuilder text) {
    List<RawResource> found = new ArrayList<>();
    String snapshot = text.toString();
    int open = snapshot.indexOf('(');
    int close = -1;
    while (open >= 0) {
      close = close > open ? close : snapshot.indexOf(')', open + 1);
      if (close < 0) {
        break;
      }
      int next = snapshot.indexOf('(', open + 1);
      if (next >= 0 && next < close) {
        open = next;
        continue;
      }
      Optional<int[]> name = nameBefore(snapshot, open);
      String content = snapshot.substring(open + 1, close);
      if (name.isPresent()) {
        String word = snapshot.substring(name.get()[0], name.get()[1]);
        Optional<List<RawField>> fields = fields(word, content);
        if (fields.isPresent()) {
          found.add(new RawResource(FieldParser.snake(word), fields.get(), name.get()[0]));
          Blanks.blank(text, name.get()[0], close + 1);
        }
      }
      open = snapshot.indexOf('(', close + 1);
    }
    return found;
  }

  /** The start and end of the name before a group: its last word, past up to three linking ones. */
  private static Optional<int[]> nameBefore(String text, int open) {
    int end = open;
    int floor = Math.max(0, open - LOOK_BACK);
    for (int skipped = 0; skipped < 4; skipped++) {
      while (end > floor
          && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == ':')) {
        end--;
      }
      int start = end;
      while (start > floor && isWordChar(text.charAt(start - 1))) {
        start--;
      }
      if (start == end || !Character.isLetter(text.charAt(start))) {
        return Optional.empty();
      }
      String lower = text.substring(start, end).toLowerCase(Locale.ROOT);
      if (!Vocabulary.LINKING.contains(lower)) {
        return Vocabulary.canNameResource(lower)
            ? Optional.of(new int[] {start, end})
            : Optional.empty();
      }
      end = start;
    }
    return Optional.empty();
  }

  private static boolean isWordChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
  }

  /** The fields of a group, empty when it is prose; a group of fields with a stray item fails. */
  private static Optional<List<RawField>> fields(String resource, String content) {
    String lower = content.strip().toLowerCase(Locale.ROOT);
    if (NOT_FIELDS.contains(lower) || TypePhrase.read(lower).isPresent()) {
      return Optional.empty();
    }
    FieldList.Reading reading = FieldList.read(content);
    if (reading.fieldCount() == 0) {
      return Optional.empty();
    }
    reading
        .firstProse()
        .ifPresent(
            item -> {
              throw new PromptNotUnderstoodException(
                  "'" + item.text().strip() + "' in (" + content.strip() + ") is not a field",
                  "It read the resource " + resource + " but not all of its fields.");
            });
    reading.refuseProblems(FieldParser.snake(resource));
    return Optional.of(reading.fields());
  }
}
