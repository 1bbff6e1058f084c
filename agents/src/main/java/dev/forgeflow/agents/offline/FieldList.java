package dev.forgeflow.agents.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a list of fields such as {@code title, done: bool and due: date}. */
final class FieldList {
  private static final Pattern SEPARATOR = Pattern.compile("\\s*(?:,|\\band\\b|&)\\s*");

  private FieldList() {}

  /** The fields of the list, or empty when any item of it does not look like a field. */
  static Optional<List<RawField>> parse(String list) {
    List<RawField> fields = new ArrayList<>();
    for (String item : items(list)) {
      Optional<RawField> field = FieldParser.parse(item);
      if (field.isEmpty()) {
        return Optional.empty();
      }
      fields.add(field.get());
    }
    return fields.isEmpty() ? Optional.empty() : Optional.of(fields);
  }

  /** The first item of a list that does not read as a field, if any. */
  static Optional<String> firstUnreadable(String list) {
    return items(list).stream().filter(item -> FieldParser.parse(item).isEmpty()).findFirst();
  }

  /** How many items of a list read as fields. */
  static long readableCount(String list) {
    return items(list).stream().filter(item -> FieldParser.parse(item).isPresent()).count();
  }

  private static List<String> items(String list) {
    return SEPARATOR.splitAsStream(list.strip()).filter(item -> !item.isBlank()).toList();
  }

  /** Whether a list reads clearly as fields, not as a stray phrase: several, or a typed one. */
  static boolean convincing(List<RawField> fields) {
    return fields.size() > 1 || fields.get(0).type() != null;
  }
}
