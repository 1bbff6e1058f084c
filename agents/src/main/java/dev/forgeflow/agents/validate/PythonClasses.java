package dev.forgeflow.agents.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the class statements of a Python file, their bases and what their bodies declare. */
final class PythonClasses {

  private static final Pattern CLASS =
      Pattern.compile("^\\s*class\\s+([A-Za-z_]\\w*)\\s*(?:\\((.*)\\))?\\s*:", Pattern.DOTALL);
  private static final Pattern TABLE = Pattern.compile("\\btable\\s*=\\s*True\\b");
  private static final Pattern PRIMARY_KEY = Pattern.compile("\\bprimary_key\\s*=\\s*True\\b");

  /**
   * One class statement.
   *
   * @param file the project path of the file it is in
   * @param bases simple names of its positional bases ({@code sqlmodel.SQLModel} → SQLModel)
   * @param table whether it passes {@code table=True}
   * @param primaryKey whether its own body declares a field with {@code primary_key=True}
   */
  record PythonClass(
      String file, int line, String name, List<String> bases, boolean table, boolean primaryKey) {}

  private PythonClasses() {}

  static List<PythonClass> of(String file, PythonSource source) {
    List<LogicalLine> lines = source.logicalLines();
    List<PythonClass> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher header = CLASS.matcher(lines.get(i).code());
      if (header.find()) {
        String args = header.group(2) == null ? "" : header.group(2);
        found.add(
            new PythonClass(
                file,
                lines.get(i).firstLine(),
                header.group(1),
                bases(args),
                TABLE.matcher(args).find(),
                bodyDeclaresPrimaryKey(lines, i)));
      }
    }
    return found;
  }

  private static boolean bodyDeclaresPrimaryKey(List<LogicalLine> lines, int header) {
    int indent = lines.get(header).indentation().length();
    if (PRIMARY_KEY.matcher(lines.get(header).code()).find()) {
      return true;
    }
    for (int i = header + 1; i < lines.size(); i++) {
      if (lines.get(i).indentation().length() <= indent) {
        return false;
      }
      if (PRIMARY_KEY.matcher(lines.get(i).code()).find()) {
        return true;
      }
    }
    return false;
  }

  private static List<String> bases(String args) {
    return Arrays.stream(args.split(","))
        .map(String::strip)
        .filter(arg -> !arg.isEmpty() && !arg.contains("=") && !arg.contains("["))
        .map(arg -> arg.substring(arg.lastIndexOf('.') + 1))
        .toList();
  }
}
