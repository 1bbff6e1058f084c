package dev.forgeflow.agents.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what a prompt says about a field's type: {@code int}, {@code an integer}, {@code optional
 * decimal}, {@code string (optional)}, {@code date, required}, {@code Optional[str]}, {@code str |
 * None}, {@code yes/no}, {@code boolean flag}, {@code varchar(255)}. Lists and other collections
 * are recognised so they can be refused: the generated service stores none.
 */
final class TypePhrase {
  /**
   * A type phrase as read.
   *
   * @param type the canonical type, or null when the phrase only said {@code optional} or {@code
   *     required}
   * @param optional whether the phrase marked the field optional
   */
  record Reading(String type, boolean optional) {}

  /** Longer phrases are not read: a type is said in a few words. */
  static final int LONGEST = 120;

  private static final Set<String> OPTIONAL = Set.of("optional", "nullable");
  private static final Set<String> NONE = Set.of("none", "null");
  private static final Set<String> ALTERNATIVE = Set.of("|", "or");
  private static final Set<String> IGNORED =
      Set.of("required", "mandatory", "unique", "indexed", "non-null", "not-null");
  private static final Set<String> ARTICLES = Set.of("a", "an", "the");
  private static final Set<String> TYPE_NOUNS =
      Set.of("flag", "value", "field", "column", "number");
  private static final Set<String> COLLECTIONS =
      Set.of("list", "array", "set", "json", "dict", "map", "object", "collection", "tuple");

  private TypePhrase() {}

  /** The type a phrase names, or empty when it is not a type phrase. */
  static Optional<Reading> read(String phrase) {
    return read(phrase, false);
  }

  /**
   * Like {@link #read(String)}, but with {@code lenient} the phrase may go on with remarks after a
   * comma or in parentheses ({@code string (max 255)}): only optional markers among them count.
   */
  static Optional<Reading> read(String phrase, boolean lenient) {
    if (phrase.length() > LONGEST) {
      return Optional.empty();
    }
    String sized = withoutSizes(phrase.strip().toLowerCase(Locale.ROOT));
    String text = unwrapOptional(sized);
    boolean optional = !text.equals(sized);
    if (text.endsWith("?")) {
      optional = true;
      text = text.substring(0, text.length() - 1).strip();
    }
    String core = null;
    boolean modified = optional;
    for (String part : parts(text)) {
      List<String> words = new ArrayList<>(List.of(part.split(" ")));
      optional |= words.removeIf(OPTIONAL::contains);
      modified |= words.removeIf(IGNORED::contains) | removeNotNull(words);
      if (words.isEmpty()) {
        continue;
      }
      if (core != null && !lenient) {
        return Optional.empty();
      }
      core = core == null ? String.join(" ", words) : core;
    }
    if (core == null) {
      return modified || optional ? Optional.of(new Reading(null, optional)) : Optional.empty();
    }
    boolean marked = optional;
    return core(core).map(type -> new Reading(type, marked));
  }

  /**
   * Whether a phrase names a collection ({@code list of strings}, {@code array}, {@code str[]}).
   */
  static boolean isCollection(String phrase) {
    if (phrase.length() > LONGEST) {
      return false;
    }
    String text = unwrapOptional(phrase.strip().toLowerCase(Locale.ROOT));
    if (text.endsWith("[]")) {
      return true;
    }
    List<String> words = new ArrayList<>(List.of(text.split("[\\s(,]+")));
    words.removeIf(word -> ARTICLES.contains(word) || OPTIONAL.contains(word) || word.isEmpty());
    return !words.isEmpty() && COLLECTIONS.contains(words.get(0));
  }

  private static Optional<String> core(String core) {
    List<String> words = new ArrayList<>(List.of(core.split(" ")));
    while (words.size() > 1 && ARTICLES.contains(words.get(0))) {
      words.remove(0);
    }
    String joined = String.join(" ", words);
    Optional<String> type = FieldTypes.canonical(joined);
    if (type.isEmpty() && words.size() == 2 && TYPE_NOUNS.contains(words.get(1))) {
      type = FieldTypes.canonical(words.get(0));
    }
    return type;
  }

  /** {@code varchar(255)} and {@code decimal(10, 2)} lose their sizes. */
  private static String withoutSizes(String text) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int close = text.charAt(i) == '(' ? text.indexOf(')', i) : -1;
      if (close > 0 && text.substring(i + 1, close).matches("[\\d\\s,]+")) {
        i = close + 1;
      } else {
        out.append(text.charAt(i++));
      }
    }
    return out.toString().strip();
  }

  /** {@code optional[x]}, {@code x | none}, {@code none | x}, {@code x or null} to {@code x}. */
  private static String unwrapOptional(String text) {
    if (text.startsWith("optional[") && text.endsWith("]")) {
      return text.substring("optional[".length(), text.length() - 1).strip();
    }
    List<String> words = List.of(text.replace("|", " | ").strip().split("\\s+"));
    int n = words.size();
    if (n >= 3 && NONE.contains(words.get(n - 1)) && ALTERNATIVE.contains(words.get(n - 2))) {
      return String.join(" ", words.subList(0, n - 2));
    }
    if (n >= 3 && NONE.contains(words.get(0)) && ALTERNATIVE.contains(words.get(1))) {
      return String.join(" ", words.subList(2, n));
    }
    return text;
  }

  private static boolean removeNotNull(List<String> words) {
    for (int i = 0; i + 1 < words.size(); i++) {
      if (words.get(i).equals("not") && words.get(i + 1).equals("null")) {
        words.remove(i + 1);
        words.remove(i);
        return true;
      }
    }
    return false;
  }

  /** The parts of a phrase split at commas, semicolons and parentheses. */
  private static List<String> parts(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ',';
      if (c == ',' || c == ';' || c == '(' || c == ')') {
        String done = part.toString().strip().replaceAll("\\s+", " ");
        if (!done.isEmpty()) {
          parts.add(done);
        }
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    return parts;
  }
}
