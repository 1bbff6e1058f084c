package dev.forgeflow.agents.offline;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a field written as words rather than {@code name: type}, by fixed rules:
 *
 * <ul>
 *   <li>{@code a boolean flag called done}: a type, then {@code called} or {@code named} and the
 *       name;
 *   <li>{@code price in dollars}: a name, {@code in} and a unit from {@code words/units.txt};
 *   <li>{@code the date it was hired}: {@code hired_on}, a date; {@code the time it was sent}:
 *       {@code sent_at}, a datetime;
 *   <li>{@code pinned flag}, {@code price float}: a type word after the name types it; {@code due
 *       date}, {@code view count}, {@code total amount}: date, datetime, timestamp, count and
 *       amount stay part of the name; {@code a decimal price}: a type word before the name types
 *       it; a name with the word {@code date} ({@code date of birth}) is a date, and {@code number
 *       of pages} an int;
 *   <li>{@code a list of tags} is a list, refused.
 * </ul>
 */
final class FieldWords {
  private static final Map<String, String> UNITS = ClasspathText.pairs("units");
  private static final Set<String> CALLED = Set.of("called", "named");
  private static final Set<String> FIELD_NOUNS = Set.of("field", "column", "attribute", "property");
  private static final Set<String> DATE_NOUNS = Set.of("date", "day");
  private static final Set<String> TIME_NOUNS = Set.of("time", "moment");
  private static final Set<String> PASSIVE = Set.of("was", "were", "is", "are", "gets", "got");
  private static final Set<String> COLLECTIONS = Set.of("list", "array", "set");

  private FieldWords() {}

  static FieldItem read(String item, String text, boolean optional) {
    List<String> words = Arrays.asList(text.split("\\s+"));
    List<String> lower = Arrays.asList(text.toLowerCase(Locale.ROOT).split("\\s+"));
    return called(item, words, lower, optional)
        .or(() -> unit(item, words, lower, optional))
        .or(() -> happened(item, lower, optional))
        .or(() -> collection(item, words, lower))
        .orElseGet(() -> named(item, words, lower, optional));
  }

  private static Optional<FieldItem> called(
      String item, List<String> words, List<String> lower, boolean optional) {
    int at = -1;
    for (int i = 1; i + 1 < lower.size(); i++) {
      at = at < 0 && CALLED.contains(lower.get(i)) ? i : at;
    }
    String name = at < 0 ? "" : String.join(" ", words.subList(at + 1, words.size()));
    if (at < 0 || !FieldParser.NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    String kind = FieldParser.withoutArticle(String.join(" ", lower.subList(0, at)));
    if (FIELD_NOUNS.contains(kind)) {
      return Optional.of(FieldItem.of(item, new RawField(FieldParser.snake(name), null, optional)));
    }
    if (TypePhrase.read(kind).isEmpty() && !TypePhrase.isCollection(kind)) {
      return Optional.of(FieldItem.none(item));
    }
    return Optional.of(FieldParser.typed(item, FieldParser.snake(name), kind, optional, false));
  }

  private static Optional<FieldItem> unit(
      String item, List<String> words, List<String> lower, boolean optional) {
    int n = lower.size();
    if (n < 3 || !lower.get(n - 2).equals("in") || !UNITS.containsKey(lower.get(n - 1))) {
      return Optional.empty();
    }
    String name = String.join(" ", words.subList(0, n - 2));
    if (!FieldParser.NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    String type = UNITS.get(lower.get(n - 1));
    return Optional.of(FieldItem.of(item, new RawField(FieldParser.snake(name), type, optional)));
  }

  /** {@code date it was hired} (the article is gone) to {@code hired_on}. */
  private static Optional<FieldItem> happened(String item, List<String> lower, boolean optional) {
    int n = lower.size();
    boolean date = DATE_NOUNS.contains(lower.get(0));
    if (n < 4 || n > 5 || !(date || TIME_NOUNS.contains(lower.get(0)))) {
      return Optional.empty();
    }
    String verb = lower.get(n - 1);
    if (!PASSIVE.contains(lower.get(n - 2)) || !verb.matches("[a-z]+")) {
      return Optional.empty();
    }
    RawField field =
        new RawField(verb + (date ? "_on" : "_at"), date ? "date" : "datetime", optional);
    return Optional.of(FieldItem.of(item, field));
  }

  private static Optional<FieldItem> collection(
      String item, List<String> words, List<String> lower) {
    if (lower.size() < 3 || !COLLECTIONS.contains(lower.get(0)) || !lower.get(1).equals("of")) {
      return Optional.empty();
    }
    String name = String.join(" ", words.subList(2, words.size()));
    if (!FieldParser.NAME.matcher(name).matches()) {
      return Optional.of(FieldItem.none(item));
    }
    String phrase = String.join(" ", lower);
    return Optional.of(
        FieldItem.problem(item, FieldParser.collectionProblem(FieldParser.snake(name), phrase)));
  }

  private static FieldItem named(
      String item, List<String> words, List<String> lower, boolean optional) {
    String text = String.join(" ", words);
    if (!FieldParser.NAME.matcher(text).matches()) {
      return FieldItem.none(item);
    }
    int n = lower.size();
    String type = null;
    String name = FieldParser.snake(text);
    if (n > 1 && FieldTypes.TYPING_SUFFIXES.contains(lower.get(n - 1))) {
      type = lower.get(n - 1);
      name = FieldParser.snake(String.join(" ", words.subList(0, n - 1)));
    } else if (n > 1 && FieldTypes.PREFIXES.contains(lower.get(0))) {
      type = lower.get(0);
      name = FieldParser.snake(String.join(" ", words.subList(1, n)));
    } else {
      type = typeOfName(Arrays.asList(name.split("_")));
    }
    String canonical = type == null ? null : FieldTypes.canonical(type).orElseThrow();
    return FieldItem.of(item, new RawField(name, canonical, optional));
  }

  /** The type a snake_case name itself says: {@code due_date}, {@code view_count}. */
  private static String typeOfName(List<String> parts) {
    String last = parts.get(parts.size() - 1);
    if (FieldTypes.NAMING_SUFFIXES.contains(last)) {
      return last;
    }
    if (parts.contains("date")) {
      return "date";
    }
    boolean numberOf =
        parts.size() > 2 && parts.get(0).equals("number") && parts.get(1).equals("of");
    return numberOf ? "int" : null;
  }
}
