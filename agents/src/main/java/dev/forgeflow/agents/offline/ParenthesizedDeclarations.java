package dev.forgeflow.agents.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds {@code books (title, price: float)}: a resource name followed by its fields in parens. */
final class ParenthesizedDeclarations {
  private static final Pattern GROUP = Pattern.compile("\\(([^()]*)\\)");
  private static final Pattern LAST_WORD = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)[\\s:]*$");
  private static final Set<String> NOT_FIELDS = Set.of("optional", "required", "unique");

  private ParenthesizedDeclarations() {}

  /** The declarations in {@code text}; their spans are blanked out so later readers skip them. */
  static List<RawResource> find(StringBuilder text) {
    List<RawResource> found = new ArrayList<>();
    Matcher group = GROUP.matcher(text.toString());
    while (group.find()) {
      Optional<Matcher> name = nameBefore(text.substring(0, group.start()));
      Optional<List<RawField>> fields =
          name.isPresent() ? fields(name.get().group(1), group.group(1)) : Optional.empty();
      if (name.isPresent() && fields.isPresent()) {
        int start = name.get().start(1);
        found.add(new RawResource(FieldParser.snake(name.get().group(1)), fields.get(), start));
        Blanks.blank(text, start, group.end());
      }
    }
    return found;
  }

  private static Optional<Matcher> nameBefore(String before) {
    String rest = before;
    for (int skipped = 0; skipped < 4; skipped++) {
      Matcher word = LAST_WORD.matcher(rest);
      if (!word.find()) {
        return Optional.empty();
      }
      String lower = word.group(1).toLowerCase(Locale.ROOT);
      if (!Vocabulary.LINKING.contains(lower)) {
        return Vocabulary.canNameResource(lower) ? Optional.of(word) : Optional.empty();
      }
      rest = rest.substring(0, word.start(1));
    }
    return Optional.empty();
  }

  /** The fields of a group, empty when it is prose; a group of fields with a stray item fails. */
  private static Optional<List<RawField>> fields(String resource, String content) {
    String lower = content.strip().toLowerCase(Locale.ROOT);
    if (NOT_FIELDS.contains(lower) || FieldTypes.canonical(lower).isPresent()) {
      return Optional.empty();
    }
    Optional<List<RawField>> fields = FieldList.parse(content);
    if (fields.isEmpty()) {
      FieldList.firstUnreadable(content)
          .filter(item -> FieldList.readableCount(content) > 0)
          .ifPresent(
              item -> {
                throw new PromptNotUnderstoodException(
                    "'" + item.strip() + "' in (" + content.strip() + ") is not a field",
                    "It read the resource " + resource + " but not all of its fields.");
              });
    }
    return fields;
  }
}
