package dev.forgeflow.agents.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds resources declared in markdown tables. A table of fields has a header row with a field
 * column ({@code Field}, {@code Name}, {@code Column}, {@code Attribute}, {@code Property}) and a
 * {@code Type} column, a separator row, and a field per row; a {@code Required}, {@code Optional}
 * or {@code Nullable} column marks optional fields, other columns are descriptions. The resource is
 * named by the line right before the table ({@code Resource: employees}, {@code **Employees**}) or
 * else the heading above it ({@code ### Employees}); a table of fields with neither is refused, and
 * one under a part of a document such as {@code ### Response} is left alone. A table with {@code
 * Resource} and {@code Fields} columns declares a resource per row. Other tables (endpoints,
 * settings without types) are left alone.
 */
final class TableDeclarations {
  private static final Set<String> FIELD_HEADERS =
      Set.of(
          "field",
          "fields",
          "name",
          "field name",
          "column",
          "column name",
          "attribute",
          "property",
          "key");
  private static final Set<String> STRONG_FIELD_HEADERS =
      Set.of("field", "field name", "column", "column name", "attribute", "property");
  private static final Set<String> TYPE_HEADERS =
      Set.of("type", "data type", "datatype", "field type", "column type", "kind");
  private static final Set<String> REQUIRED_HEADERS = Set.of("required", "mandatory");
  private static final Set<String> OPTIONAL_HEADERS = Set.of("optional", "nullable", "null");
  private static final Set<String> RESOURCE_HEADERS =
      Set.of("resource", "entity", "table", "model", "collection");
  private static final Set<String> FIELD_LIST_HEADERS =
      Set.of("fields", "attributes", "columns", "properties");
  private static final Set<String> YES = Set.of("yes", "y", "true", "x", "\u2713", "\u2714");
  private static final Set<String> NO = Set.of("no", "n", "false", "optional", "-");

  private TableDeclarations() {}

  /** The declarations in {@code text}; their lines are blanked out so later readers skip them. */
  static List<RawResource> find(StringBuilder text) {
    List<RawResource> found = new ArrayList<>();
    List<Line> lines = Line.split(text.toString());
    int heading = -1;
    for (int i = 0; i < lines.size(); i++) {
      String row = lines.get(i).text();
      if (Markdown.headingLevel(row) > 0) {
        heading = i;
        continue;
      }
      boolean table =
          Markdown.isTableRow(row)
              && i + 1 < lines.size()
              && Markdown.isSeparatorRow(lines.get(i + 1).text());
      if (!table) {
        continue;
      }
      int end = i + 2;
      while (end < lines.size() && Markdown.isTableRow(lines.get(end).text())) {
        end++;
      }
      List<String> header = headers(row);
      List<Line> rows = lines.subList(i + 2, end);
      int first = i;
      if (isResourceTable(header)) {
        found.addAll(resourceRows(header, rows));
      } else if (isFieldTable(header) && !describesPart(lines, nameLine(lines, i, heading))) {
        int named = nameLine(lines, i, heading);
        first = named >= 0 && named != heading ? named : i;
        found.add(fieldTable(header, rows, name(lines, named), lines.get(i).start()));
      } else {
        i = end - 1;
        continue;
      }
      Blanks.blank(text, lines.get(first).start(), lines.get(end - 1).end());
      i = end - 1;
    }
    return found;
  }

  private static List<String> headers(String row) {
    return Markdown.cells(row).stream()
        .map(cell -> Markdown.plain(cell).strip().toLowerCase(Locale.ROOT))
        .toList();
  }

  private static boolean isResourceTable(List<String> header) {
    return header.stream().anyMatch(RESOURCE_HEADERS::contains)
        && header.stream().anyMatch(FIELD_LIST_HEADERS::contains);
  }

  private static boolean isFieldTable(List<String> header) {
    return header.stream().anyMatch(FIELD_HEADERS::contains)
        && header.stream().anyMatch(TYPE_HEADERS::contains);
  }

  /** The line naming the table's resource: the one right before it, else the heading above. */
  private static int nameLine(List<Line> lines, int table, int heading) {
    int before = table - 1;
    while (before >= 0 && lines.get(before).text().isBlank()) {
      before--;
    }
    if (before >= 0 && before != heading && NameLine.read(lines.get(before).text()).isPresent()) {
      return before;
    }
    return heading;
  }

  /** Whether a table sits under a part of a document such as {@code ### Response}: no resource. */
  private static boolean describesPart(List<Line> lines, int named) {
    return named >= 0
        && name(lines, named).isEmpty()
        && NameLine.titlesPart(lines.get(named).text());
  }

  private static Optional<NameLine> name(List<Line> lines, int at) {
    if (at < 0) {
      return Optional.empty();
    }
    String text = lines.get(at).text();
    return NameLine.read(Markdown.headingLevel(text) > 0 ? Markdown.headingText(text) : text);
  }

  private static RawResource fieldTable(
      List<String> header, List<Line> rows, Optional<NameLine> name, int position) {
    int fieldColumn = column(header, STRONG_FIELD_HEADERS);
    fieldColumn = fieldColumn >= 0 ? fieldColumn : column(header, FIELD_HEADERS);
    int typeColumn = column(header, TYPE_HEADERS);
    int requiredColumn = column(header, REQUIRED_HEADERS);
    int optionalColumn = column(header, OPTIONAL_HEADERS);
    List<RawField> fields = new ArrayList<>();
    for (Line row : rows) {
      List<String> cells = Markdown.cells(row.text());
      String fieldName = Markdown.plain(cell(cells, fieldColumn)).strip();
      if (fieldName.isEmpty()) {
        continue;
      }
      if (!FieldParser.NAME.matcher(fieldName).matches()) {
        throw new PromptNotUnderstoodException(
            "'" + fieldName + "' in a table of fields is not a field name", understood(name));
      }
      String snake = FieldParser.snake(fieldName);
      String typeText = Markdown.plain(cell(cells, typeColumn)).strip();
      FieldItem item = FieldParser.typed(row.text(), snake, typeText, false, false);
      if (!item.isField()) {
        item.refuseProblem(understood(name));
        throw new PromptNotUnderstoodException(
            "the type '" + typeText + "' of the field '" + snake + "' is not supported",
            understood(name));
      }
      boolean optional =
          item.field().optional()
              || NO.contains(flag(cells, requiredColumn))
              || YES.contains(flag(cells, optionalColumn));
      fields.add(new RawField(snake, item.field().type(), optional));
    }
    if (name.isEmpty()) {
      throw new PromptNotUnderstoodException(
          "a table of fields ("
              + String.join(", ", fields.stream().map(RawField::name).toList())
              + ") has no resource name: put a heading such as '### Employees' or a line such as"
              + " 'Resource: employees' right before it",
          "");
    }
    return new RawResource(name.get().word(), fields, position);
  }

  private static List<RawResource> resourceRows(List<String> header, List<Line> rows) {
    int resourceColumn = column(header, RESOURCE_HEADERS);
    int fieldsColumn = column(header, FIELD_LIST_HEADERS);
    List<RawResource> found = new ArrayList<>();
    for (Line row : rows) {
      List<String> cells = Markdown.cells(row.text());
      String resource = cell(cells, resourceColumn);
      String list = cell(cells, fieldsColumn);
      if (resource.isEmpty() && list.isEmpty()) {
        continue;
      }
      Optional<NameLine> name = NameLine.read(resource);
      FieldList.Reading reading = FieldList.read(Markdown.plain(list));
      if (name.isEmpty() || !reading.declaresFields()) {
        throw new PromptNotUnderstoodException(
            "the row '"
                + row.text().strip()
                + "' of a table of resources is not a resource with"
                + " fields",
            "");
      }
      reading.refuseProblems(name.get().word());
      found.add(new RawResource(name.get().word(), reading.fields(), row.start()));
    }
    return found;
  }

  private static int column(List<String> header, Set<String> names) {
    for (int i = 0; i < header.size(); i++) {
      if (names.contains(header.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static String cell(List<String> cells, int column) {
    return column >= 0 && column < cells.size() ? cells.get(column) : "";
  }

  private static String flag(List<String> cells, int column) {
    return Markdown.plain(cell(cells, column)).strip().toLowerCase(Locale.ROOT);
  }

  private static String understood(Optional<NameLine> name) {
    return name.map(n -> "It read a table of the fields of " + n.word() + ".").orElse("");
  }
}
