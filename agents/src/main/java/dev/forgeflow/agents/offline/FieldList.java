package dev.forgeflow.agents.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a list of fields such as {@code title, done: bool and due: date}. Items are split at
 * commas, {@code &} and the word {@code and}, outside parentheses, by a single linear scan.
 */
final class FieldList {
  private FieldList() {}

  /** The items of a list, each read as a field, a would-be field, or prose. */
  record Reading(List<FieldItem> items) {
    Reading {
      items = List.copyOf(items);
    }

    /** The fields read, in order. */
    List<RawField> fields() {
      return items.stream().filter(FieldItem::isField).map(FieldItem::field).toList();
    }

    /** Whether it has at least one field and no item of prose. */
    boolean declaresFields() {
      return items.stream().anyMatch(FieldItem::isField)
          && items.stream().allMatch(FieldItem::looksLikeField);
    }

    /** The first item that is no field at all. */
    Optional<FieldItem> firstProse() {
      return items.stream().filter(item -> !item.looksLikeField()).findFirst();
    }

    long fieldCount() {
      return items.stream().filter(FieldItem::isField).count();
    }

    /** Whether a field has a type the prompt gave. */
    boolean typed() {
      return fields().stream().anyMatch(field -> field.type() != null);
    }

    /** Whether the list reads clearly as fields, not as a stray phrase: several, or typed. */
    boolean convincing() {
      return items.size() > 1 || typed();
    }

    /** Refuses the prompt at the first would-be field of a resource that cannot be used. */
    void refuseProblems(String resource) {
      String understood = "It read the resource " + resource + " but not all of its fields.";
      items.forEach(item -> item.refuseProblem(understood));
    }
  }

  static Reading read(String list) {
    List<FieldItem> items = new ArrayList<>();
    for (String item : items(list)) {
      items.add(FieldParser.read(item));
    }
    return new Reading(items);
  }

  /** The items of a list, split outside parentheses. */
  static List<String> items(String list) {
    List<String> items = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      depth = c == '(' ? depth + 1 : c == ')' ? Math.max(0, depth - 1) : depth;
      int cut = depth > 0 ? 0 : c == ',' || c == '&' ? 1 : isAnd(list, i) ? 3 : 0;
      if (cut > 0) {
        add(items, list.substring(start, i));
        start = i + cut;
        i = start - 1;
      }
    }
    add(items, list.substring(start));
    return items;
  }

  private static boolean isAnd(String text, int at) {
    return text.regionMatches(true, at, "and", 0, 3)
        && (at == 0 || !isWordChar(text.charAt(at - 1)))
        && (at + 3 == text.length() || !isWordChar(text.charAt(at + 3)));
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static void add(List<String> items, String item) {
    if (!item.isBlank()) {
      items.add(item.strip());
    }
  }
}
