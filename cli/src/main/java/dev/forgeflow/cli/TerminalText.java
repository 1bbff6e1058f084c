package dev.forgeflow.cli;

import java.util.regex.Pattern;

/**
 * Text from a model, a container or any other outside source made safe to print to a terminal:
 * escape sequences (CSI, OSC, DCS and the like, 7-bit and 8-bit), C0 and C1 control characters
 * other than newline and tab, DEL and the bidirectional overrides are removed, so the text cannot
 * move the cursor, rewrite earlier lines, set the window title or hide what follows it.
 */
final class TerminalText {
  private static final Pattern SEQUENCES =
      Pattern.compile(
          String.join(
              "|",
              // CSI: ESC [ or 8-bit CSI, parameter and intermediate bytes, one final byte
              "(?:\\x1B\\[|\\x{9B})[\\x30-\\x3F]*[\\x20-\\x2F]*[\\x40-\\x7E]?",
              // OSC, DCS, SOS, PM, APC: up to BEL or the string terminator (or the end)
              "(?:\\x1B[\\]PX^_]|[\\x{9D}\\x{90}\\x{98}\\x{9E}\\x{9F}])"
                  + "[^\\x07\\x1B\\x{9C}]*(?:\\x07|\\x1B\\\\|\\x{9C})?",
              // any other escape: ESC, intermediate bytes, one final byte
              "\\x1B[\\x20-\\x2F]*[\\x30-\\x7E]?"));
  private static final Pattern CONTROLS =
      Pattern.compile(
          "[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x{9F}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]");

  private TerminalText() {}

  /** The text without escape sequences and control characters; newlines and tabs are kept. */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    return CONTROLS.matcher(SEQUENCES.matcher(text).replaceAll("")).replaceAll("");
  }
}
