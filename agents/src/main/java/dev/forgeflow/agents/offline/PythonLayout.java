package dev.forgeflow.agents.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lays out rendered function headers the way the common Python formatters do, since their length
 * depends on resource names: one line when it fits in 88 columns, else the parameters on one
 * indented line, else (or for a single parameter) one parameter a line, with a trailing comma.
 */
final class PythonLayout {
  private static final int LINE = 88;
  private static final Pattern HEADER =
      Pattern.compile("( *)(def \\w+)\\((.*)\\)( -> [^\\n]+)?:", Pattern.DOTALL);
  private static final Pattern START = Pattern.compile("^( *)def \\w+\\(", Pattern.MULTILINE);

  private PythonLayout() {}

  static String functionHeaders(String source) {
    StringBuilder out = new StringBuilder();
    Matcher start = START.matcher(source);
    int pos = 0;
    while (start.find(pos)) {
      int end = headerEnd(source, start.end());
      Matcher header = HEADER.matcher(source.substring(start.start(), end));
      out.append(source, pos, start.start());
      out.append(header.matches() ? layout(header) : source.substring(start.start(), end));
      pos = end;
    }
    return out.append(source.substring(pos)).toString();
  }

  /** The end of a header: past the colon that follows the closing parenthesis. */
  private static int headerEnd(String source, int afterParen) {
    int depth = 1;
    int i = afterParen;
    while (depth > 0 && i < source.length()) {
      char c = source.charAt(i++);
      depth += c == '(' || c == '[' ? 1 : c == ')' || c == ']' ? -1 : 0;
    }
    int colon = source.indexOf(":\n", i);
    return colon < 0 ? source.length() : colon + 1;
  }

  private static String layout(Matcher header) {
    String indent = header.group(1);
    String name = header.group(2);
    String returns = header.group(4) == null ? "" : header.group(4);
    String text = header.group(3).replaceAll("\\s*\\n\\s*", " ").strip();
    if (text.endsWith(",")) {
      return header.group(); // a trailing comma asks for one parameter a line: kept as written
    }
    List<String> params = split(text);
    String joined = String.join(", ", params);
    String oneLine = indent + name + "(" + joined + ")" + returns + ":";
    if (oneLine.length() <= LINE) {
      return oneLine;
    }
    String inner = indent + "    ";
    if (params.size() > 1 && (inner + joined).length() <= LINE) {
      return indent + name + "(\n" + inner + joined + "\n" + indent + ")" + returns + ":";
    }
    StringBuilder lines = new StringBuilder(indent + name + "(\n");
    params.forEach(p -> lines.append(inner).append(p).append(",\n"));
    return lines.append(indent).append(')').append(returns).append(':').toString();
  }

  /** Parameters split at the commas outside brackets. */
  private static List<String> split(String params) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < params.length(); i++) {
      char c = params.charAt(i);
      depth += c == '(' || c == '[' ? 1 : c == ')' || c == ']' ? -1 : 0;
      if (c == ',' && depth == 0) {
        parts.add(params.substring(from, i).strip());
        from = i + 1;
      }
    }
    String last = params.substring(from).strip();
    if (!last.isEmpty()) {
      parts.add(last);
    }
    return parts;
  }
}
