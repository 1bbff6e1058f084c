package dev.forgeflow.agents.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds resources declared one a line, bulleted or not: {@code - users: name, email, age: int}, or
 * a name line whose fields follow as indented bullets.
 */
final class LineDeclarations {
  private static final Pattern BULLET = Pattern.compile("(\\s*)(?:[-*+\u2022]|\\d+[.)])\\s+(.*)");
  private static final Pattern NAME_AND_LIST =
      Pattern.compile(
          "([A-Za-z][A-Za-z0-9_]*(?: [A-Za-z][A-Za-z0-9_]*)?)\\s*[:=\u2013\u2014-]\\s*(.+)");
  private static final Pattern NAME_ALONE = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\s*:?\\s*");

  private LineDeclarations() {}

  /** The declarations in {@code text}; their lines are blanked out so later readers skip them. */
  static List<RawResource> find(StringBuilder text) {
    List<RawResource> found = new ArrayList<>();
    List<Line> lines = Line.split(text.toString());
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      Matcher bullet = BULLET.matcher(line.text());
      boolean bulleted = bullet.matches();
      String content = bulleted ? bullet.group(2) : line.text().strip();
      Optional<RawResource> inline = inline(content, bulleted, line.start());
      if (inline.isPresent()) {
        found.add(inline.get());
        Blanks.blank(text, line.start(), line.end());
        continue;
      }
      Matcher alone = NAME_ALONE.matcher(content);
      if (!alone.matches() || !Vocabulary.canNameResource(alone.group(1))) {
        continue;
      }
      int indent = bulleted ? bullet.group(1).length() : line.indent();
      List<RawField> nested = nestedFields(lines, i + 1, indent);
      if (!nested.isEmpty()) {
        found.add(new RawResource(FieldParser.snake(alone.group(1)), nested, line.start()));
        Blanks.blank(text, line.start(), lines.get(i + nested.size()).end());
        i += nested.size();
      }
    }
    return found;
  }

  private static Optional<RawResource> inline(String content, boolean bulleted, int position) {
    Matcher m = NAME_AND_LIST.matcher(content);
    if (!m.matches() || !Vocabulary.canNameResource(m.group(1))) {
      return Optional.empty();
    }
    Optional<List<RawField>> fields = FieldList.parse(m.group(2));
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    boolean plural = Inflector.isPlural(FieldParser.snake(m.group(1)));
    boolean typed = fields.get().stream().anyMatch(field -> field.type() != null);
    boolean convincing = FieldList.convincing(fields.get());
    boolean clear = bulleted ? convincing || plural : convincing && plural || typed;
    return clear
        ? Optional.of(new RawResource(FieldParser.snake(m.group(1)), fields.get(), position))
        : Optional.empty();
  }

  /** The fields written as bullets indented deeper than {@code indent}, right after a line. */
  private static List<RawField> nestedFields(List<Line> lines, int from, int indent) {
    List<RawField> fields = new ArrayList<>();
    for (int i = from; i < lines.size(); i++) {
      Matcher bullet = BULLET.matcher(lines.get(i).text());
      if (!bullet.matches() || bullet.group(1).length() <= indent) {
        break;
      }
      if (bullet.group(2).contains(",")) {
        return List.of();
      }
      Optional<RawField> field = FieldParser.parse(bullet.group(2));
      if (field.isEmpty()) {
        return List.of();
      }
      fields.add(field.get());
    }
    return fields;
  }
}
