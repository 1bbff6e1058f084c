package dev.forgeflow.agents.offline;

import java.util.ArrayList;
import java.util.List;

/** One line of a prompt and where it sits in the prompt (end excludes the line break). */
record Line(String text, int start, int end) {
  static List<Line> split(String prompt) {
    List<Line> lines = new ArrayList<>();
    int start = 0;
    while (start <= prompt.length()) {
      int end = prompt.indexOf('\n', start);
      end = end < 0 ? prompt.length() : end;
      lines.add(new Line(prompt.substring(start, end), start, end));
      start = end + 1;
    }
    return lines;
  }

  int indent() {
    return text.length() - text.stripLeading().length();
  }
}
