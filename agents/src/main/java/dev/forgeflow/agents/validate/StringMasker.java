package dev.forgeflow.agents.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * Blanks the contents of string literals and comments out of Python source, line by line, keeping
 * every line's length so a column in the masked text is the same column in the source. Quote
 * characters stay; docstrings and other triple-quoted strings may span lines.
 */
final class StringMasker {

  private final List<String> code = new ArrayList<>();
  private final List<Boolean> startsInString = new ArrayList<>();
  private int unterminatedLine;
  private String quote;
  private int quoteLine;

  private StringMasker() {}

  static PythonSource mask(List<String> lines) {
    StringMasker masker = new StringMasker();
    for (int i = 0; i < lines.size(); i++) {
      masker.maskLine(lines.get(i), i + 1);
    }
    if (masker.quote != null && masker.unterminatedLine == 0) {
      masker.unterminatedLine = masker.quoteLine;
    }
    return new PythonSource(lines, masker.code, masker.startsInString, masker.unterminatedLine);
  }

  private void maskLine(String line, int number) {
    startsInString.add(quote != null);
    StringBuilder out = new StringBuilder(line.length());
    boolean escapedNewline = false;
    int j = 0;
    while (j < line.length()) {
      char c = line.charAt(j);
      if (quote != null) {
        escapedNewline = c == '\\' && j == line.length() - 1;
        j = c == '\\' ? blank(out, line, j, 2) : stringChar(out, line, j);
      } else if (c == '#') {
        j = blank(out, line, j, line.length() - j);
      } else if (c == '\'' || c == '"') {
        quote =
            line.startsWith(String.valueOf(c).repeat(3), j) ? String.valueOf(c).repeat(3) : "" + c;
        quoteLine = number;
        escapedNewline = false;
        out.append(quote);
        j += quote.length();
      } else {
        out.append(c);
        j++;
      }
    }
    if (quote != null && quote.length() == 1 && !escapedNewline) {
      unterminatedLine = unterminatedLine == 0 ? number : unterminatedLine;
      quote = null;
    }
    code.add(out.toString());
  }

  private int stringChar(StringBuilder out, String line, int j) {
    if (line.startsWith(quote, j)) {
      out.append(quote);
      int next = j + quote.length();
      quote = null;
      return next;
    }
    out.append(' ');
    return j + 1;
  }

  private static int blank(StringBuilder out, String line, int from, int count) {
    int end = Math.min(line.length(), from + count);
    out.append(" ".repeat(end - from));
    return end;
  }
}
