package dev.forgeflow.agents.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One Python file as a line-based scanner sees it: the source lines, the same lines with string
 * contents and comments blanked ({@link StringMasker}), and the logical lines they form.
 *
 * @param lines the source lines, without line terminators
 * @param code the masked lines, each as long as its source line
 * @param startsInString per line, whether it begins inside a multi-line string
 * @param unterminatedStringLine 1-based line of a string literal that never ends, 0 if none
 */
record PythonSource(
    List<String> lines,
    List<String> code,
    List<Boolean> startsInString,
    int unterminatedStringLine) {

  PythonSource {
    lines = List.copyOf(lines);
    code = List.copyOf(code);
    startsInString = List.copyOf(startsInString);
  }

  static PythonSource parse(String text) {
    String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return StringMasker.mask(Arrays.asList(withoutBom.split("\\r\\n|\\r|\\n", -1)));
  }

  /**
   * Groups physical lines into logical lines: a line continues the previous one while brackets are
   * open, after a trailing backslash, or inside a multi-line string. Blank lines are skipped.
   */
  List<LogicalLine> logicalLines() {
    List<LogicalLine> result = new ArrayList<>();
    int start = 0;
    int depth = 0;
    for (int i = 0; i < code.size(); i++) {
      depth = Math.max(0, depth + Brackets.balance(code.get(i)));
      boolean continues =
          i + 1 < code.size()
              && (depth > 0
                  || code.get(i).stripTrailing().endsWith("\\")
                  || startsInString.get(i + 1));
      if (!continues) {
        addIfNotBlank(result, start, i);
        start = i + 1;
        depth = 0;
      }
    }
    return result;
  }

  private void addIfNotBlank(List<LogicalLine> result, int from, int to) {
    LogicalLine line =
        LogicalLine.of(from + 1, code.subList(from, to + 1), lines.subList(from, to + 1));
    if (!line.code().isBlank()) {
      result.add(line);
    }
  }
}
