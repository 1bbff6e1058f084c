package dev.forgeflow.agents.offline;

import java.util.ArrayList;
import java.util.List;

/** The markdown a description may be written in: headings, emphasis, code marks, table rows. */
final class Markdown {
  private Markdown() {}

  /** The level of a heading line ({@code 1} for {@code # Title}), or {@code 0}. */
  static int headingLevel(String line) {
    String text = line.stripLeading();
    int level = 0;
    while (level < text.length() && level < 7 && text.charAt(level) == '#') {
      level++;
    }
    boolean heading = level >= 1 && level <= 6;
    return heading && (level == text.length() || text.charAt(level) == ' ') ? level : 0;
  }

  /** The text of a heading line: {@code ## Books ##} to {@code Books}. */
  static String headingText(String line) {
    String text = line.strip();
    int start = 0;
    while (start < text.length() && text.charAt(start) == '#') {
      start++;
    }
    int end = text.length();
    while (end > start && text.charAt(end - 1) == '#') {
      end--;
    }
    return text.substring(start, end).strip();
  }

  /**
   * Text without emphasis and code marks: {@code **title**} and {@code __title__} to {@code title}.
   */
  static String plain(String text) {
    String stripped = text.strip();
    boolean underscored = stripped.startsWith("__") && stripped.indexOf("__", 2) > 0;
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (underscored && c == '_' && i + 1 < text.length() && text.charAt(i + 1) == '_') {
        i++;
      } else if (c != '*' && c != '`') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether a line may be a table row: it has a cell separator. */
  static boolean isTableRow(String line) {
    return line.indexOf('|') >= 0;
  }

  /** The cells of a table row, stripped: {@code | a | b |} to {@code [a, b]}. */
  static List<String> cells(String line) {
    String text = line.strip();
    int start = text.startsWith("|") ? 1 : 0;
    int end = text.endsWith("|") && text.length() > start ? text.length() - 1 : text.length();
    List<String> cells = new ArrayList<>();
    int from = start;
    for (int i = start; i <= end; i++) {
      if (i == end || text.charAt(i) == '|' && text.charAt(i - 1) != '\\') {
        cells.add(text.substring(from, i).replace("\\|", "|").strip());
        from = i + 1;
      }
    }
    return cells;
  }

  /** Whether a line is a table's header separator: {@code |---|:--:|}. */
  static boolean isSeparatorRow(String line) {
    if (!isTableRow(line)) {
      return false;
    }
    List<String> cells = cells(line);
    for (String cell : cells) {
      if (cell.isEmpty() || cell.indexOf('-') < 0 || !cell.matches("[-:]+")) {
        return false;
      }
    }
    return cells.size() >= 2;
  }
}
