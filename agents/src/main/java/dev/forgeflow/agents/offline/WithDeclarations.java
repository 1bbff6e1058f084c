package dev.forgeflow.agents.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code tasks with fields title, done: bool} and {@code entities users with name, email and
 * posts with title}: a name, a linking verb, then its fields up to the next declaration.
 */
final class WithDeclarations {
  private static final Pattern SENTENCE = Pattern.compile("[^.;\\n]+");
  private static final Pattern DECLARATION =
      Pattern.compile(
          "([A-Za-z][A-Za-z0-9_]*),?\\s+(?:with|having|has|have|containing)\\s+(?:the\\s+)?"
              + "(?:following\\s+)?(fields?|attributes?|properties|columns)?\\s*:?\\s*",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern WORD_BEFORE = Pattern.compile("([A-Za-z]+)[\\s,:]*$");
  private static final Pattern TRAILING_LINK = Pattern.compile("(?:\\s*(?:,|\\band\\b|&))+\\s*$");

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
      String list = TRAILING_LINK.matcher(sentence.substring(m.end(), end)).replaceAll("");
      declared(sentence, m, list).ifPresent(fields -> found.add(resource(m, fields, offset)));
    }
    return found;
  }

  private static Optional<List<RawField>> declared(String sentence, MatchResult m, String list) {
    if (!Vocabulary.canNameResource(m.group(1)) || list.isBlank()) {
      return Optional.empty();
    }
    Optional<List<RawField>> fields = FieldList.parse(list);
    boolean typed = fields.stream().flatMap(List::stream).anyMatch(f -> f.type() != null);
    boolean announced = m.group(2) != null || declaringWordBefore(sentence.substring(0, m.start()));
    return announced || typed ? fields : Optional.empty();
  }

  private static boolean declaringWordBefore(String before) {
    Matcher word = WORD_BEFORE.matcher(before);
    return word.find() && Vocabulary.DECLARING.contains(word.group(1).toLowerCase(Locale.ROOT));
  }

  private static RawResource resource(MatchResult m, List<RawField> fields, int offset) {
    return new RawResource(FieldParser.snake(m.group(1)), fields, offset + m.start(1));
  }
}
