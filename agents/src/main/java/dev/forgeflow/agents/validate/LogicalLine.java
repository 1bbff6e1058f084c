package dev.forgeflow.agents.validate;

import java.util.List;

/**
 * One logical line of Python: its physical lines joined by newlines, once masked ({@code code}) and
 * once as written ({@code text}); both have the same length, so offsets correspond.
 *
 * @param firstLine 1-based number of its first physical line
 */
record LogicalLine(int firstLine, String code, String text) {

  static LogicalLine of(int firstLine, List<String> code, List<String> text) {
    return new LogicalLine(firstLine, String.join("\n", code), String.join("\n", text));
  }

  /** The 1-based physical line holding {@code offset}. */
  int lineAt(int offset) {
    int line = firstLine;
    for (int i = 0; i < offset && i < code.length(); i++) {
      if (code.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The leading whitespace of the first physical line, tabs and spaces as written. */
  String indentation() {
    int i = 0;
    while (i < code.length()
        && (code.charAt(i) == ' ' || code.charAt(i) == '\t' || code.charAt(i) == '\f')) {
      i++;
    }
    return code.substring(0, i);
  }

  /** The string literal starting at {@code offset} (a quote, after optional prefix letters). */
  String literalAt(int offset) {
    int open = offset;
    while (open < code.length() && Character.isLetter(code.charAt(open))) {
      open++;
    }
    if (open >= code.length() || (code.charAt(open) != '"' && code.charAt(open) != '\'')) {
      return null;
    }
    String q = String.valueOf(code.charAt(open));
    String quote = code.startsWith(q.repeat(3), open) ? q.repeat(3) : q;
    int close = code.indexOf(quote, open + quote.length());
    return close < 0 ? null : text.substring(open + quote.length(), close);
  }
}
