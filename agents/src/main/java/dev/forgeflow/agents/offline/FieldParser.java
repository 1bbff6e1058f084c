package dev.forgeflow.agents.offline;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one field from its text: {@code price: float}, {@code price (decimal)}, {@code published —
 * date}, {@code servings as an integer}, {@code notes?}, {@code an optional description}, and the
 * phrases {@link FieldWords} reads. Text after a dash that follows the type is a description and is
 * ignored ({@code title: string — shown in lists}).
 */
final class FieldParser {
  /** Longer items are no field: a field is said in a few words. */
  static final int LONGEST = 120;

  static final Pattern NAME =
      Pattern.compile("[A-Za-z][A-Za-z0-9_]*+(?:[ -][A-Za-z][A-Za-z0-9_]*+){0,2}");
  private static final Pattern WORD = Pattern.compile("[a-z0-9_\\[\\]|?]+");
  private static final List<String> SEPARATORS =
      List.of(":", "=", "\u2014", "\u2013", " - ", " as ", " of type ");
  private static final List<String> DASHES = List.of("\u2014", "\u2013", " - ");
  private static final Set<String> ARTICLES = Set.of("a", "an", "the");
  private static final Set<String> NOT_FIELD_STARTS = ClasspathText.words("not-field-starts");

  private FieldParser() {}

  /**
   * The field an item of a field list names, or empty when the text does not look like a field.
   *
   * @throws PromptNotUnderstoodException when it looks like a field the planner cannot use
   */
  static Optional<RawField> parse(String item) {
    FieldItem read = read(item);
    read.refuseProblem();
    return Optional.ofNullable(read.field());
  }

  /** The item read as a field, a would-be field with a problem, or no field. */
  static FieldItem read(String item) {
    if (item.length() > LONGEST) {
      return FieldItem.none(item);
    }
    String text = clean(item);
    boolean optional = false;
    text = withoutArticle(text);
    if (text.toLowerCase(Locale.ROOT).startsWith("optional ")) {
      optional = true;
      text = withoutArticle(text.substring("optional ".length()).strip());
    }
    if (text.endsWith("?")) {
      optional = true;
      text = text.substring(0, text.length() - 1).strip();
    }
    if (text.isEmpty() || NOT_FIELD_STARTS.contains(firstWord(text))) {
      return FieldItem.none(item);
    }
    String field = text;
    boolean marked = optional;
    return separated(item, field, marked)
        .or(() -> parenthesized(item, field, marked))
        .orElseGet(() -> FieldWords.read(item, field, marked));
  }

  /** {@code name: type}, {@code name — type — description}, {@code name as type}. */
  private static Optional<FieldItem> separated(String item, String text, boolean optional) {
    int at = -1;
    String separator = null;
    for (String candidate : SEPARATORS) {
      int found = text.indexOf(candidate);
      if (found > 0 && (at < 0 || found < at)) {
        at = found;
        separator = candidate;
      }
    }
    if (at < 0) {
      return Optional.empty();
    }
    String left = text.substring(0, at).strip();
    if (left.endsWith("?")) {
      optional = true;
      left = left.substring(0, left.length() - 1).strip();
    }
    if (!NAME.matcher(left).matches()) {
      return Optional.empty();
    }
    String typeText = withoutDescription(text.substring(at + separator.length()));
    return Optional.of(typed(item, snake(left), typeText, optional, DASHES.contains(separator)));
  }

  /** {@code name (type)}, optionally followed by a dash and a description. */
  private static Optional<FieldItem> parenthesized(String item, String text, boolean optional) {
    int open = text.indexOf('(');
    int close = text.indexOf(')', open + 1);
    if (open <= 0 || close < 0) {
      return Optional.empty();
    }
    String left = text.substring(0, open).strip();
    String rest = text.substring(close + 1).strip();
    boolean described = rest.isEmpty() || rest.startsWith(":") || startsWithDash(rest);
    if (!NAME.matcher(left).matches() || !described) {
      return Optional.empty();
    }
    String inner = text.substring(open + 1, close).strip();
    return Optional.of(typed(item, snake(left), inner, optional, false));
  }

  /**
   * The field a name and its type text make; a dash form whose text is no type is a description.
   */
  static FieldItem typed(
      String item, String name, String typeText, boolean optional, boolean described) {
    if (typeText.isEmpty()) {
      return FieldItem.of(item, new RawField(name, null, optional));
    }
    Optional<TypePhrase.Reading> type = TypePhrase.read(typeText, true);
    if (type.isPresent()) {
      return FieldItem.of(
          item, new RawField(name, type.get().type(), optional || type.get().optional()));
    }
    if (TypePhrase.isCollection(typeText)) {
      return FieldItem.problem(item, collectionProblem(name, typeText));
    }
    String lower = typeText.toLowerCase(Locale.ROOT);
    if (WORD.matcher(lower).matches()) {
      return FieldItem.problem(
          item, "the type '" + lower + "' of the field '" + name + "' is not supported");
    }
    return described
        ? FieldItem.of(item, new RawField(name, null, optional))
        : FieldItem.none(item);
  }

  static String collectionProblem(String name, String typeText) {
    return "the field '"
        + name
        + "' is a list ("
        + typeText.strip()
        + "), which the generated service cannot store; declare it as a resource of its own"
        + " with a field naming its owner, e.g. tags (name, book_id)";
  }

  private static String withoutDescription(String text) {
    int cut = text.length();
    for (String dash : DASHES) {
      int found = text.indexOf(dash);
      cut = found >= 0 ? Math.min(cut, found) : cut;
    }
    return text.substring(0, cut).strip();
  }

  private static boolean startsWithDash(String text) {
    return text.startsWith("\u2014") || text.startsWith("\u2013") || text.startsWith("- ");
  }

  private static String clean(String item) {
    String text = item.strip();
    String lower = text.toLowerCase(Locale.ROOT);
    for (String conjunction : List.of("and ", "or ", "& ")) {
      if (lower.startsWith(conjunction)) {
        text = text.substring(conjunction.length()).strip();
        break;
      }
    }
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ';')) {
      end--;
    }
    StringBuilder out = new StringBuilder();
    for (char c : text.substring(0, end).toCharArray()) {
      if ("`\"'*".indexOf(c) < 0) {
        out.append(c);
      }
    }
    return out.toString().strip();
  }

  /** {@code a title} to {@code title}; a lone {@code a} stays, it may be a field's name. */
  static String withoutArticle(String text) {
    int space = text.indexOf(' ');
    if (space > 0 && ARTICLES.contains(text.substring(0, space).toLowerCase(Locale.ROOT))) {
      return text.substring(space + 1).strip();
    }
    return text;
  }

  private static String firstWord(String text) {
    int end = 0;
    while (end < text.length()
        && (Character.isLetterOrDigit(text.charAt(end)) || "_-".indexOf(text.charAt(end)) >= 0)) {
      end++;
    }
    return text.substring(0, end).toLowerCase(Locale.ROOT);
  }

  /** {@code Due Date}, {@code dueDate}, {@code due-date} all to {@code due_date}. */
  static String snake(String words) {
    return words
        .strip()
        .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .replaceAll("[\\s-]+", "_")
        .toLowerCase(Locale.ROOT);
  }
}
