package dev.forgeflow.sandbox.check;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Python tracebacks: the deepest frame in project code, and the exception's own line. */
final class Tracebacks {

  /** Where the project lives inside the container. */
  static final String PROJECT_ROOT = "/app/";

  private static final Pattern FRAME =
      Pattern.compile("File \"" + Pattern.quote(PROJECT_ROOT) + "([^\"]+)\", line (\\d+)");
  private static final Pattern PYTEST_FRAME =
      Pattern.compile("(?m)^([A-Za-z0-9_][\\w./-]*\\.py):(\\d+):");

  private Tracebacks() {}

  /** The last frame of {@code text} inside the project, as a project-relative path. */
  static Optional<SourceLine> lastProjectFrame(String text) {
    return last(FRAME.matcher(text));
  }

  /** The last {@code path.py:line:} location of a pytest failure report with a relative path. */
  static Optional<SourceLine> lastPytestLocation(String text) {
    return last(PYTEST_FRAME.matcher(text));
  }

  /** The last non-blank line, usually {@code SomeError: message}; empty text gives "". */
  static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1].strip();
  }

  private static Optional<SourceLine> last(Matcher matcher) {
    SourceLine found = null;
    while (matcher.find()) {
      found = new SourceLine(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }
    return Optional.ofNullable(found);
  }
}
