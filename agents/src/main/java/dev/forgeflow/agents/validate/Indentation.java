package dev.forgeflow.agents.validate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Python's own indentation consistency test: each logical line's indentation is measured twice,
 * with tabs as 8 columns and as 1, and the two measures must order the lines alike. A file indented
 * consistently with tabs, or with spaces, always passes.
 */
final class Indentation {

  private static final String TAB_ERROR = "inconsistent use of tabs and spaces in indentation";

  private Indentation() {}

  static Optional<SourceFinding> firstProblem(List<LogicalLine> lines) {
    Deque<int[]> levels = new ArrayDeque<>();
    levels.push(new int[] {0, 0});
    for (LogicalLine line : lines) {
      int[] width = widths(line.indentation());
      String problem = step(levels, width[0], width[1]);
      if (problem != null) {
        return Optional.of(new SourceFinding(line.firstLine(), problem));
      }
    }
    return Optional.empty();
  }

  private static String step(Deque<int[]> levels, int col, int alt) {
    int[] top = levels.peek();
    if (col == top[0]) {
      return alt == top[1] ? null : TAB_ERROR;
    }
    if (col > top[0]) {
      levels.push(new int[] {col, alt});
      return alt <= top[1] ? TAB_ERROR : null;
    }
    while (levels.size() > 1 && col < levels.peek()[0]) {
      levels.pop();
    }
    if (col != levels.peek()[0]) {
      return "unindent does not match any outer indentation level";
    }
    return alt == levels.peek()[1] ? null : TAB_ERROR;
  }

  private static int[] widths(String indentation) {
    int col = 0;
    int alt = 0;
    for (char c : indentation.toCharArray()) {
      if (c == '\t') {
        col = (col / 8 + 1) * 8;
        alt++;
      } else if (c == '\f') {
        col = 0;
        alt = 0;
      } else {
        col++;
        alt++;
      }
    }
    return new int[] {col, alt};
  }
}
