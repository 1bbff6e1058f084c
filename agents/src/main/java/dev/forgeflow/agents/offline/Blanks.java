package dev.forgeflow.agents.offline;

/** Blanks out a span of prompt text that one reader consumed, keeping offsets and line breaks. */
final class Blanks {
  private Blanks() {}

  static void blank(StringBuilder text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (text.charAt(i) != '\n') {
        text.setCharAt(i, ' ');
      }
    }
  }
}
