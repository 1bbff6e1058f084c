package dev.forgeflow.agents.offline;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one field from its text, e.g. {@code price: float}, {@code due date}, {@code notes?}. */
final class FieldParser {
  private static final String WORD = "[A-Za-z][A-Za-z0-9_]*";
  private static final String NAME = WORD + "(?:[ -]" + WORD + "){0,2}";
  private static final Pattern NAMED_TYPE =
      Pattern.compile("(" + NAME + ")\\s*(?::|=|\\s+as\\s+|\\s+of\\s+type\\s+)\\s*(.+)");
  private static final Pattern TYPE_IN_PARENS = Pattern.compile("(" + NAME + ")\\s*\\((.+)\\)");
  private static final Pattern NAME_THEN_TYPE = Pattern.compile("(" + WORD + ")\\s+(" + WORD + ")");
  private static final Pattern NAME_ONLY = Pattern.compile(NAME);
  private static final Pattern OPTIONAL_NAME = Pattern.compile("(" + NAME + ")\\s*\\?\\s*:(.*)");
  private static final Pattern OPTIONAL_TYPE =
      Pattern.compile(
          "(?:optional\\s*\\[\\s*(.+)\\s*]|optional\\s+(.+)|(.+?)\\s*\\|\\s*none|none\\s*\\|\\s*(.+)|(.+)\\?)");

  private FieldParser() {}

  /**
   * The field an item of a field list names, or empty when the text does not look like a field.
   *
   * @throws PromptNotUnderstoodException when it looks like a field with an unknown type
   */
  static Optional<RawField> parse(String item) {
    String text = item.strip().replaceAll("^(?i)(?:and|or|&)\\s+", "").replaceAll("[.;]+$", "");
    text = text.replaceAll("[`\"']", "").strip();
    boolean optional = false;
    if (text.toLowerCase(Locale.ROOT).startsWith("optional ")) {
      optional = true;
      text = text.substring("optional ".length()).strip();
    }
    if (text.endsWith("?")) {
      optional = true;
      text = text.substring(0, text.length() - 1).strip();
    }
    Matcher markedName = OPTIONAL_NAME.matcher(text);
    if (markedName.matches()) {
      optional = true;
      text = markedName.group(1) + ":" + markedName.group(2);
    }
    String field = text;
    boolean marked = optional;
    return typed(field, marked).or(() -> untyped(field, marked));
  }

  private static Optional<RawField> typed(String text, boolean optional) {
    for (Pattern pattern : new Pattern[] {NAMED_TYPE, TYPE_IN_PARENS}) {
      Matcher m = pattern.matcher(text);
      if (m.matches()) {
        return Optional.of(withType(snake(m.group(1)), m.group(2), optional));
      }
    }
    Matcher m = NAME_THEN_TYPE.matcher(text);
    Optional<String> type = m.matches() ? FieldTypes.canonical(m.group(2)) : Optional.empty();
    if (type.isPresent()) {
      // "due date" names a date called due_date; "price float" a float called price
      boolean temporal = type.get().startsWith("date");
      String name = temporal ? snake(m.group(1) + "_" + m.group(2)) : snake(m.group(1));
      return Optional.of(withType(name, m.group(2), optional));
    }
    return Optional.empty();
  }

  private static Optional<RawField> untyped(String text, boolean optional) {
    if (!NAME_ONLY.matcher(text).matches()) {
      return Optional.empty();
    }
    return Optional.of(new RawField(snake(text), null, optional));
  }

  private static RawField withType(String name, String typeText, boolean optional) {
    String type = typeText.strip().toLowerCase(Locale.ROOT);
    Matcher m = OPTIONAL_TYPE.matcher(type);
    if (m.matches()) {
      optional = true;
      for (int group = 1; group <= m.groupCount(); group++) {
        if (m.group(group) != null) {
          type = m.group(group).strip();
        }
      }
    }
    String declared = type;
    return new RawField(
        name,
        FieldTypes.canonical(declared)
            .orElseThrow(
                () ->
                    new PromptNotUnderstoodException(
                        "the type '" + declared + "' of the field '" + name + "' is not supported",
                        "")),
        optional);
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
