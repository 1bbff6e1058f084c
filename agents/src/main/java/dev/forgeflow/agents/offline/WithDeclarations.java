package dev.forgeflow.agents.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code tasks with fields title, done: bool}, {@code entities users with name, email and
 * posts with title}, {@code The Book entity has title (string), price (decimal)} and {@code A note
 * has a title, a body and a pinned flag}: a name, a linking verb, then its fields up to the next
 * declaration. It must be announced ({@code fields}, or a word such as {@code entities} before the
 * name), have a typed field, or be a sentence of its own, starting with the name or with {@code a},
 * {@code an}, {@code each} or {@code every} and the name, whose verb is {@code has} or {@code have}
 * and which lists several fields ({@code Contacts have a name and an email}); other sentences are
 * prose.
 */
final class WithDeclarations {
  private static final Pattern SENTENCE = Pattern.compile("[^.;\\n]++");
  private static final Pattern DECLARATION =
      Pattern.compile(
          "(?<![A-Za-z0-9_])([A-Za-z][A-Za-z0-9_]*+)"
              + "(?:\\s++(?:entity|resource|model|table|record))?,?\\s++"
              + "(with|having|has|have|containing)\\b\\s*+(?:the\\s++)?(?:following\\s++)?"
              + "(fields?|attributes?|properties|columns)?\\s*+:?\\s*+",
          Pattern.CASE_INSENSITIVE);
  private static final Set<String> DETERMINERS = Set.of("a", "an", "each", "every");
  private static final Set<String> HAVE = Set.of("has", "have");

  private WithDeclarations() {}

  static List<RawResource> find(String text) {
    List<RawResource> found = new ArrayList<>();
    Matcher sentence = SENTENCE.matcher(text);
    while (sentence.find()) {
      found.addAll(inSentence(sentence.group(), sentence.start()));
    }
    return found;
  }

  private static List<RawResource> inSentence(String sentence, int offset) {
    List<MatchResult> matches = DECLARATION.matcher(sentence).results().toList();
    List<RawResource> found = new ArrayList<>();
    for (int i = 0; i < matches.size(); i++) {
      MatchResult m = matches.get(i);
      int end = i + 1 < matches.size() ? matches.get(i + 1).start(1) : sentence.length();
      String list = withoutTrailingLinks(sentence.substring(m.end(), Math.max(m.end(), end)));
      if (!Vocabulary.canNameResource(m.group(1)) || list.isBlank()) {
        continue;
      }
      FieldList.Reading fields = FieldList.read(list);
      if (fields.declaresFields() && announced(sentence, m, fields)) {
        fields.refuseProblems(FieldParser.snake(m.group(1)));
        found.add(
            new RawResource(FieldParser.snake(m.group(1)), fields.fields(), offset + m.start(1)));
      }
    }
    return found;
  }

  private static boolean announced(String sentence, MatchResult m, FieldList.Reading fields) {
    if (m.group(3) != null || fields.typed()) {
      return true;
    }
    int stop = m.start(1);
    while (stop > 0 && " \t,:".indexOf(sentence.charAt(stop - 1)) >= 0) {
      stop--;
    }
    int start = stop;
    while (start > 0 && Character.isLetter(sentence.charAt(start - 1))) {
      start--;
    }
    String before = sentence.substring(start, stop).toLowerCase(Locale.ROOT);
    if (Vocabulary.DECLARING.contains(before)) {
      return true;
    }
    boolean opens =
        before.isEmpty() && sentence.substring(0, stop).isBlank()
            || DETERMINERS.contains(before) && sentence.substring(0, start).isBlank();
    return opens
        && HAVE.contains(m.group(2).toLowerCase(Locale.ROOT))
        && fields.convincing()
        && startsWithArticle(fields.items().get(0).text());
  }

  /** "a title and an author" lists fields; "books and reviews" may be anything. */
  private static boolean startsWithArticle(String item) {
    String lower = item.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("a ") || lower.startsWith("an ") || lower.startsWith("the ");
  }

  /** {@code title, body and } to {@code title, body}. */
  private static String withoutTrailingLinks(String list) {
    int end = list.length();
    while (true) {
      while (end > 0
          && (Character.isWhitespace(list.charAt(end - 1))
              || ",&".indexOf(list.charAt(end - 1)) >= 0)) {
        end--;
      }
      boolean and =
          end >= 3
              && list.regionMatches(true, end - 3, "and", 0, 3)
              && (end == 3 || !Character.isLetterOrDigit(list.charAt(end - 4)));
      if (!and) {
        return list.substring(0, end);
      }
      end -= 3;
    }
  }
}
