package dev.forgeflow.agents.offline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A line that only names a resource, introducing its fields below: {@code ### Employees}, {@code
 * **Books**:}, {@code Resource: employees}, {@code The Book entity}, {@code each Review:}. Words
 * that title a part of a document ({@code Response}, {@code Overview}, {@code Examples}) are no
 * resource's name.
 *
 * @param word the resource's name in snake_case, singular or plural as written
 * @param explicit whether the line itself says it is a resource ({@code Resource: x}, {@code x
 *     table})
 */
record NameLine(String word, boolean explicit) {
  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*+");
  private static final Set<String> KINDS =
      Set.of("resource", "entity", "table", "model", "collection", "record", "object");
  private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "each", "every", "one");
  private static final Set<String> NOT_RESOURCES = ClasspathText.words("not-resource-names");

  /** Longer lines name no resource. */
  private static final int LONGEST = 80;

  /** The resource a line's text names, or empty when it is anything more than a name. */
  static Optional<NameLine> read(String text) {
    if (text.length() > LONGEST) {
      return Optional.empty();
    }
    String plain = Markdown.plain(text).strip();
    while (plain.endsWith(":") || plain.endsWith(".")) {
      plain = plain.substring(0, plain.length() - 1).strip();
    }
    List<String> words = new ArrayList<>(Arrays.asList(plain.replace(":", " : ").split("\\s+")));
    boolean explicit = false;
    if (words.size() > 2 && words.get(1).equals(":") && isKind(words.get(0))) {
      words = new ArrayList<>(words.subList(2, words.size()));
      explicit = true;
    }
    while (words.size() > 1 && DETERMINERS.contains(lower(words.get(0)))) {
      words.remove(0);
    }
    if (words.size() > 1 && isKind(words.get(0))) {
      words.remove(0);
      explicit = true;
    } else if (words.size() > 1 && isKind(words.get(words.size() - 1))) {
      words.remove(words.size() - 1);
      explicit = true;
    }
    if (words.isEmpty() || words.size() > 2) {
      return Optional.empty();
    }
    for (String word : words) {
      if (!WORD.matcher(word).matches() || NOT_RESOURCES.contains(lower(word))) {
        return Optional.empty();
      }
    }
    String name = String.join(" ", words);
    return Vocabulary.canNameResource(name)
        ? Optional.of(new NameLine(FieldParser.snake(name), explicit))
        : Optional.empty();
  }

  /** Whether a line titles a part of a document ({@code ### Response}, {@code ## Examples}). */
  static boolean titlesPart(String text) {
    if (text.length() > LONGEST) {
      return false;
    }
    for (String word : Markdown.plain(text).toLowerCase(Locale.ROOT).split("[^a-z]+")) {
      if (NOT_RESOURCES.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isKind(String word) {
    return KINDS.contains(lower(word));
  }

  private static String lower(String word) {
    return word.toLowerCase(Locale.ROOT);
  }
}
