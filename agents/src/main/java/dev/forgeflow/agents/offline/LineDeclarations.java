package dev.forgeflow.agents.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds resources declared one a line, bulleted or not, the name and its fields split by a colon,
 * an equals sign or a dash: {@code - users: name, email, age: int}, {@code Notes — title, body,
 * pinned (bool)}, {@code each Review: rating int}, {@code **Books**: title, price: decimal}. Lines
 * longer than {@link #LONGEST} characters are prose, and so is an untyped list after a word that
 * titles a part of a document ({@code Goals: speed, simplicity and reliability}).
 */
final class LineDeclarations {
  static final int LONGEST = 2000;

  private static final Pattern NAME =
      Pattern.compile("[A-Za-z][A-Za-z0-9_]*+(?: [A-Za-z][A-Za-z0-9_]*+)?");
  private static final List<String> SEPARATORS = List.of(":", "=", "\u2014", "\u2013", " - ");
  private static final Set<String> DETERMINERS = Set.of("each", "every", "a", "an", "the", "one");

  private LineDeclarations() {}

  /** The declarations in {@code text}; their lines are blanked out so later readers skip them. */
  static List<RawResource> find(StringBuilder text) {
    List<RawResource> found = new ArrayList<>();
    for (Line line : Line.split(text.toString())) {
      if (line.text().length() > LONGEST || line.text().isBlank()) {
        continue;
      }
      Optional<Bullet> bullet = Bullet.of(line.text());
      String content = bullet.map(Bullet::content).orElse(line.text().strip());
      if (Markdown.headingLevel(content) > 0) {
        content = Markdown.headingText(content);
      }
      Optional<RawResource> inline =
          inline(Markdown.plain(content), bullet.isPresent(), line.start());
      if (inline.isPresent()) {
        found.add(inline.get());
        Blanks.blank(text, line.start(), line.end());
      }
    }
    return found;
  }

  private static Optional<RawResource> inline(String content, boolean bulleted, int position) {
    int at = -1;
    String separator = null;
    for (String candidate : SEPARATORS) {
      int found = content.indexOf(candidate);
      if (found > 0 && (at < 0 || found < at)) {
        at = found;
        separator = candidate;
      }
    }
    if (at < 0) {
      return Optional.empty();
    }
    String name = withoutDeterminer(content.substring(0, at).strip());
    if (!NAME.matcher(name).matches() || !Vocabulary.canNameResource(name)) {
      return Optional.empty();
    }
    FieldList.Reading fields = FieldList.read(content.substring(at + separator.length()));
    if (!fields.declaresFields() || !fields.typed() && NameLine.titlesPart(name)) {
      return Optional.empty();
    }
    String word = FieldParser.snake(name);
    boolean plural = Inflector.isPlural(word);
    boolean clear =
        bulleted ? fields.convincing() || plural : fields.convincing() && plural || fields.typed();
    if (!clear) {
      return Optional.empty();
    }
    fields.refuseProblems(word);
    return Optional.of(new RawResource(word, fields.fields(), position));
  }

  private static String withoutDeterminer(String name) {
    int space = name.indexOf(' ');
    boolean determined =
        space > 0 && DETERMINERS.contains(name.substring(0, space).toLowerCase(Locale.ROOT));
    return determined ? name.substring(space + 1).strip() : name;
  }
}
