package dev.forgeflow.agents.offline;

import java.util.Optional;

/**
 * A bulleted or numbered line: {@code - title}, {@code * title}, {@code + title}, {@code • title},
 * {@code 1. title}, {@code 2) title}.
 *
 * @param indent the spaces before the bullet
 * @param content the text after the bullet
 */
record Bullet(int indent, String content) {
  static Optional<Bullet> of(String line) {
    int indent = 0;
    while (indent < line.length() && line.charAt(indent) == ' ') {
      indent++;
    }
    int at = indent;
    if (at < line.length() && "-*+\u2022".indexOf(line.charAt(at)) >= 0) {
      at++;
    } else {
      int digits = at;
      while (digits < line.length() && digits - at < 4 && Character.isDigit(line.charAt(digits))) {
        digits++;
      }
      boolean numbered =
          digits > at && digits < line.length() && ".)".indexOf(line.charAt(digits)) >= 0;
      if (!numbered) {
        return Optional.empty();
      }
      at = digits + 1;
    }
    if (at >= line.length() || line.charAt(at) != ' ') {
      return Optional.empty();
    }
    String content = line.substring(at).strip();
    return content.isEmpty() ? Optional.empty() : Optional.of(new Bullet(indent, content));
  }
}
