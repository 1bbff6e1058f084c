package dev.forgeflow.agents.validate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Bracket matching over masked Python code, where strings and comments hold no brackets. */
final class Brackets {

  private static final String OPEN = "([{";
  private static final String CLOSE = ")]}";

  private Brackets() {}

  /** Opening minus closing brackets on one masked line. */
  static int balance(String maskedLine) {
    int balance = 0;
    for (int i = 0; i < maskedLine.length(); i++) {
      balance += delta(maskedLine.charAt(i));
    }
    return balance;
  }

  /** +1 for an opening bracket, -1 for a closing one, 0 for anything else. */
  static int delta(char c) {
    return OPEN.indexOf(c) >= 0 ? 1 : CLOSE.indexOf(c) >= 0 ? -1 : 0;
  }

  /** The first mismatched, unexpected or unclosed bracket of a file, if any. */
  static Optional<SourceFinding> firstProblem(List<String> maskedLines) {
    Deque<int[]> open = new ArrayDeque<>();
    for (int line = 1; line <= maskedLines.size(); line++) {
      String code = maskedLines.get(line - 1);
      for (int i = 0; i < code.length(); i++) {
        char c = code.charAt(i);
        if (OPEN.indexOf(c) >= 0) {
          open.push(new int[] {OPEN.indexOf(c), line});
        } else if (CLOSE.indexOf(c) >= 0) {
          Optional<SourceFinding> problem = close(open, CLOSE.indexOf(c), line);
          if (problem.isPresent()) {
            return problem;
          }
        }
      }
    }
    if (open.isEmpty()) {
      return Optional.empty();
    }
    int[] innermost = open.peek();
    return Optional.of(
        new SourceFinding(innermost[1], "'" + OPEN.charAt(innermost[0]) + "' is never closed"));
  }

  private static Optional<SourceFinding> close(Deque<int[]> open, int kind, int line) {
    char closing = CLOSE.charAt(kind);
    if (open.isEmpty()) {
      return Optional.of(new SourceFinding(line, "unmatched '" + closing + "'"));
    }
    int[] top = open.pop();
    if (top[0] != kind) {
      return Optional.of(
          new SourceFinding(
              line,
              "'"
                  + closing
                  + "' does not match '"
                  + OPEN.charAt(top[0])
                  + "' opened on line "
                  + top[1]));
    }
    return Optional.empty();
  }
}
