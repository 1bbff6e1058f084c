package dev.forgeflow.agents.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the absolute imports of a Python file: {@code import a.b as c, d} and {@code from a.b
 * import (x, y)}, one statement per logical line or per {@code ;}-separated part. Relative imports
 * ({@code from . import x}, {@code from .models import X}) are the project's own and are not
 * reported. Strings, docstrings and comments are masked beforehand and never match.
 */
final class Imports {

  private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s");
  private static final Pattern FROM =
      Pattern.compile("^\\s*from(?:\\s+|(?=\\.))(\\.*)\\s*([A-Za-z_]\\w*)?");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_]\\w*");

  /** An imported module's top-level name and the 1-based line naming it. */
  record Imported(String topLevel, int line) {}

  private Imports() {}

  static List<Imported> of(PythonSource source) {
    List<Imported> found = new ArrayList<>();
    for (LogicalLine line : source.logicalLines()) {
      int start = 0;
      for (String statement : line.code().split(";", -1)) {
        collect(line, statement, start, found);
        start += statement.length() + 1;
      }
    }
    return found;
  }

  private static void collect(LogicalLine line, String statement, int start, List<Imported> found) {
    Matcher importing = IMPORT.matcher(statement);
    if (importing.find()) {
      int offset = importing.end();
      for (String part : statement.substring(offset).split(",", -1)) {
        Matcher name = NAME.matcher(part);
        if (name.find()) {
          found.add(new Imported(name.group(), line.lineAt(start + offset + name.start())));
        }
        offset += part.length() + 1;
      }
      return;
    }
    Matcher from = FROM.matcher(statement);
    if (from.find() && from.group(1).isEmpty() && from.group(2) != null) {
      found.add(new Imported(from.group(2), line.lineAt(start + from.start(2))));
    }
  }
}
