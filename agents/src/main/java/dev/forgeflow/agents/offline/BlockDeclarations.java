package dev.forgeflow.agents.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a resource named on a line of its own whose fields follow one a bullet:
 *
 * <pre>
 * ## Books                 - vehicles            **Books**:
 * - title (string)           - plate             - title
 * - price: decimal           - year: int         - price: decimal
 * * published — date
 * </pre>
 *
 * A bulleted name with its fields indented deeper is read as before. A heading or a plain line with
 * its fields as bullets right below must make the block unmistakable: a field has a type, the line
 * says it is a resource ({@code ### Resource: books}, {@code Books table}), or the block sits in a
 * section about resources ({@code ## Resources}, {@code Entities:}). So {@code ## Goals} followed
 * by {@code - speed} is prose. A field with an unknown type is refused only in a block that is
 * otherwise a declaration; the block's fields end at the first bullet that is no field.
 */
final class BlockDeclarations {
  private BlockDeclarations() {}

  /** The declarations in {@code text}; their lines are blanked out so later readers skip them. */
  static List<RawResource> find(StringBuilder text) {
    List<RawResource> found = new ArrayList<>();
    List<Line> lines = Line.split(text.toString());
    boolean[] inSection = Sections.of(lines);
    for (int i = 0; i < lines.size(); i++) {
      Optional<Block> block = block(lines, i, inSection[i]);
      if (block.isPresent()) {
        Block b = block.get();
        found.add(new RawResource(b.name().word(), b.fields(), lines.get(i).start()));
        Blanks.blank(text, lines.get(i).start(), lines.get(b.last()).end());
        i = b.last();
      }
    }
    return found;
  }

  private record Block(NameLine name, List<RawField> fields, int last) {}

  private static Optional<Block> block(List<Line> lines, int at, boolean inSection) {
    String text = lines.get(at).text();
    Optional<Bullet> bullet = Bullet.of(text);
    boolean heading = Markdown.headingLevel(text) > 0;
    String nameText =
        heading ? Markdown.headingText(text) : bullet.map(Bullet::content).orElse(text);
    Optional<NameLine> name = NameLine.read(nameText);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    int indent = heading ? -1 : bullet.map(Bullet::indent).orElse(lines.get(at).indent());
    int first = heading ? firstBulletUnder(lines, at) : at + 1;
    while (!bullet.isPresent() && first < lines.size() && lines.get(first).text().isBlank()) {
      first++;
    }
    Optional<Bullet> firstBullet =
        first < lines.size() ? Bullet.of(lines.get(first).text()) : Optional.empty();
    if (firstBullet.isEmpty() || firstBullet.get().indent() < indent) {
      return Optional.empty();
    }
    boolean nested = firstBullet.get().indent() > indent && !heading;
    if (bullet.isPresent() && !nested) {
      return Optional.empty();
    }
    List<FieldItem> items = new ArrayList<>();
    int last = first - 1;
    for (int i = first; i < lines.size(); i++) {
      Optional<Bullet> next = Bullet.of(lines.get(i).text());
      if (next.isEmpty() || next.get().indent() < firstBullet.get().indent()) {
        break;
      }
      if (next.get().indent() > firstBullet.get().indent()) {
        return Optional.empty();
      }
      FieldItem item = item(next.get().content());
      if (!item.looksLikeField()) {
        break;
      }
      items.add(item);
      last = i;
    }
    FieldList.Reading reading = new FieldList.Reading(items);
    if (!reading.declaresFields()) {
      return Optional.empty();
    }
    boolean clear = nested || reading.typed() || name.get().explicit() || inSection;
    if (!clear) {
      return Optional.empty();
    }
    reading.refuseProblems(name.get().word());
    return Optional.of(new Block(name.get(), reading.fields(), last));
  }

  /**
   * The first bullet below a heading, past a paragraph of prose; none (past the end) when a
   * heading, a table or a line naming a resource of its own comes first.
   */
  private static int firstBulletUnder(List<Line> lines, int heading) {
    int lastText = -1;
    int i = heading + 1;
    for (; i < lines.size(); i++) {
      String text = lines.get(i).text();
      if (Bullet.of(text).isPresent()) {
        break;
      }
      if (Markdown.headingLevel(text) > 0 || Markdown.isTableRow(text)) {
        return lines.size();
      }
      lastText = text.isBlank() ? lastText : i;
    }
    boolean named = lastText >= 0 && NameLine.read(lines.get(lastText).text().strip()).isPresent();
    return named ? lines.size() : i;
  }

  /** A bullet's field; a bullet holding a list of several is no field. */
  private static FieldItem item(String content) {
    FieldItem item = FieldParser.read(content);
    return item.isField() || FieldList.items(content).size() == 1 ? item : FieldItem.none(content);
  }
}
