package dev.forgeflow.agents.offline;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Python source fragments the templates splice in: literals and wrapped imports. */
final class PythonText {
  private static final int LINE = 88;

  private PythonText() {}

  /** A double-quoted Python string literal for any text. */
  static String literal(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }

  /**
   * A string literal as the value of a keyword argument indented by {@code indent} columns:
   * parenthesized and split between words over several lines when one would be too long.
   */
  static String wrappedLiteral(String text, int indent) {
    String literal = literal(text);
    if (indent + literal.length() + 1 <= LINE - "description=".length()) {
      return literal;
    }
    String pad = " ".repeat(indent + 4);
    StringBuilder out = new StringBuilder("(\n");
    StringBuilder chunk = new StringBuilder();
    for (String word : text.split("(?<= )")) {
      if (chunk.length() > 0 && pad.length() + literal(chunk + word).length() > LINE) {
        out.append(pad).append(literal(chunk.toString())).append('\n');
        chunk.setLength(0);
      }
      chunk.append(word);
    }
    out.append(pad).append(literal(chunk.toString())).append('\n');
    return out.append(" ".repeat(indent)).append(')').toString();
  }

  /** An integer literal, grouped by thousands with underscores from five digits on. */
  static String integer(long value) {
    String digits = Long.toString(value);
    return Math.abs(value) < 10_000
        ? digits
        : String.format(Locale.ROOT, "%,d", value).replace(',', '_');
  }

  /** A tuple literal of strings: {@code ()}, {@code ("a",)}, {@code ("a", "b")}. */
  static String tuple(List<String> items) {
    String joined = items.stream().map(PythonText::literal).collect(Collectors.joining(", "));
    return "(" + joined + (items.size() == 1 ? ",)" : ")");
  }

  /** {@code from module import a, b}, wrapped one name a line when it would be too long. */
  static String fromImport(String module, Collection<String> names) {
    String line = "from " + module + " import " + String.join(", ", names);
    if (line.length() <= LINE) {
      return line;
    }
    return names.stream()
        .map(name -> "    " + name + ",\n")
        .collect(Collectors.joining("", "from " + module + " import (\n", ")"));
  }
}
