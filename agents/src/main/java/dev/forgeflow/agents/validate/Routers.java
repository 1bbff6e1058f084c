package dev.forgeflow.agents.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the {@code APIRouter(...)} calls of a Python file and the prefixes they pass. */
final class Routers {

  private static final Pattern CALL = Pattern.compile("\\bAPIRouter\\s*\\(");
  private static final Pattern PREFIX = Pattern.compile("\\bprefix\\s*=\\s*");

  /**
   * One {@code APIRouter(...)} call.
   *
   * @param line 1-based line of the call
   * @param prefixes how many {@code prefix=} arguments it passes
   * @param prefix the first prefix's value when it is a string literal, else null
   */
  record Declaration(int line, int prefixes, String prefix) {}

  private Routers() {}

  static List<Declaration> of(PythonSource source) {
    List<Declaration> found = new ArrayList<>();
    for (LogicalLine line : source.logicalLines()) {
      Matcher call = CALL.matcher(line.code());
      while (call.find()) {
        found.add(declaration(line, call.start(), call.end()));
      }
    }
    return found;
  }

  private static Declaration declaration(LogicalLine line, int start, int argsStart) {
    String args = line.code().substring(argsStart, closingParen(line.code(), argsStart));
    Matcher prefix = PREFIX.matcher(args);
    int count = 0;
    String value = null;
    while (prefix.find()) {
      if (count++ == 0) {
        value = line.literalAt(argsStart + prefix.end());
      }
    }
    return new Declaration(line.lineAt(start), count, value);
  }

  private static int closingParen(String code, int from) {
    int depth = 1;
    for (int i = from; i < code.length(); i++) {
      depth += Brackets.delta(code.charAt(i));
      if (depth == 0) {
        return i;
      }
    }
    return code.length();
  }
}
