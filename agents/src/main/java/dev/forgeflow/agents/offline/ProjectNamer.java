package dev.forgeflow.agents.offline;

import dev.forgeflow.workflows.artifacts.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives a stable kebab-case project name from a prompt: "A bookstore API" gives bookstore-api.
 */
final class ProjectNamer {
  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*|[^\\sA-Za-z0-9]");
  private static final Set<String> FILLERS = ClasspathText.words("name-fillers");

  /** Nouns that name a service well on their own: "A blog with posts" is the blog. */
  private static final Set<String> DOMAIN_NOUNS = ClasspathText.words("domain-nouns");

  /** Words of a document's title that never name the project: spec, requirements, design. */
  private static final Set<String> DOCUMENT_WORDS = ClasspathText.words("document-words");

  private static final int TITLE_LIMIT = 200;

  private static final Map<String, String> NOUN_FORMS =
      Map.of("apis", "api", "services", "service", "apps", "app", "application", "app");
  private static final Set<String> NOT_NOUNS = Set.of("crud", "database", "db", "project");

  private ProjectNamer() {}

  /** The project name: the service named, else the first resource's {@code -api}. */
  static String name(Optional<String> service, List<Entity> entities) {
    return service.orElse(entities.get(0).plural().replace('_', '-') + "-api");
  }

  /**
   * The service a text names: its {@code # Title}'s when it has one that names a project, else the
   * service its words name up to {@code end}, where its first resource's name ends: "Build a CRM.
   * Companies have a name, a website" is the crm, whatever the fields say.
   */
  static Optional<String> named(String text, int end) {
    return fromTitle(text).or(() -> service(text.substring(0, Math.min(end, text.length()))));
  }

  /** The service the prompt names, e.g. {@code library-api} for "an API for a library". */
  static Optional<String> service(String prompt) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(prompt);
    while (m.find()) {
      words.add(m.group().toLowerCase(Locale.ROOT));
    }
    for (int i = 0; i < words.size(); i++) {
      String noun = words.get(i);
      List<String> qualifiers = isServiceNoun(noun) ? qualifiers(words, i) : List.of();
      if (!qualifiers.isEmpty()) {
        return Optional.of(join(qualifiers, NOUN_FORMS.getOrDefault(noun, noun)));
      }
    }
    for (int i = 0; i < words.size(); i++) {
      if (DOMAIN_NOUNS.contains(words.get(i))) {
        return Optional.of(join(qualifiersBefore(words, i), words.get(i)));
      }
    }
    return Optional.empty();
  }

  private static boolean isServiceNoun(String word) {
    return Vocabulary.SERVICE_NOUNS.contains(word) && !NOT_NOUNS.contains(word);
  }

  private static String join(List<String> qualifiers, String noun) {
    return qualifiers.isEmpty() ? noun : String.join("-", qualifiers) + "-" + noun;
  }

  /**
   * Up to two words right before the noun, else one naming word shortly after it past a filler: "an
   * API for a library" is library-api, "the API described in the spec" names nothing.
   */
  private static List<String> qualifiers(List<String> words, int noun) {
    List<String> before = qualifiersBefore(words, noun);
    if (!before.isEmpty()) {
      return before;
    }
    for (int i = noun + 1; i < words.size() && i <= noun + 4; i++) {
      String word = words.get(i);
      if (isQualifier(word)) {
        return i > noun + 1 ? List.of(word) : List.of();
      }
      if (!FILLERS.contains(word)) {
        break;
      }
    }
    return List.of();
  }

  private static List<String> qualifiersBefore(List<String> words, int noun) {
    List<String> before = new ArrayList<>();
    for (int i = noun - 1; i >= 0 && before.size() < 2 && isQualifier(words.get(i)); i--) {
      before.add(0, words.get(i));
    }
    return before;
  }

  private static boolean isQualifier(String word) {
    return Character.isLetter(word.charAt(0))
        && !FILLERS.contains(word)
        && !Vocabulary.SERVICE_NOUNS.contains(word);
  }

  /**
   * The project a document's title names: the service of its first {@code # Title}, else the
   * title's words less fillers and words such as {@code specification} ({@code # Bookshelf
   * specification} is {@code bookshelf}), when one to three remain.
   */
  static Optional<String> fromTitle(String document) {
    for (Line line : Line.split(document)) {
      if (Markdown.headingLevel(line.text()) == 1) {
        String title = Markdown.plain(Markdown.headingText(line.text()));
        return title.length() > TITLE_LIMIT
            ? Optional.empty()
            : service(title).or(() -> titleWords(title));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> titleWords(String title) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(title);
    while (m.find()) {
      String word = m.group().toLowerCase(Locale.ROOT);
      if (!Character.isLetter(word.charAt(0))) {
        continue;
      }
      if (!FILLERS.contains(word) && !DOCUMENT_WORDS.contains(word)) {
        words.add(word);
      }
    }
    return words.isEmpty() || words.size() > 3
        ? Optional.empty()
        : Optional.of(String.join("-", words));
  }

  /** {@code bookstore-api} to {@code Bookstore API}. */
  static String title(String name) {
    List<String> words = new ArrayList<>();
    for (String word : name.split("-")) {
      words.add(
          word.equals("api") ? "API" : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return String.join(" ", words);
  }
}
