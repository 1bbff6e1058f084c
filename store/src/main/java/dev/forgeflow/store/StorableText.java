package dev.forgeflow.store;

/**
 * Text as PostgreSQL can store it. Its {@code text} and {@code jsonb} types hold neither NUL nor
 * half of a UTF-16 surrogate pair, which model and container output may contain: each becomes the
 * replacement character U+FFFD.
 */
final class StorableText {

  static final char REPLACEMENT = '\uFFFD';

  private StorableText() {}

  /** {@code text} with NUL and unpaired surrogates replaced; the same instance if it had none. */
  static String of(String text) {
    if (text == null || isStorable(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && paired(text, i)) {
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(c == 0 || Character.isSurrogate(c) ? REPLACEMENT : c);
      }
    }
    return out.toString();
  }

  /** Whether {@code text} has no NUL and no unpaired surrogate. */
  static boolean isStorable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && paired(text, i)) {
        i++;
      } else if (c == 0 || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean paired(String text, int high) {
    return high + 1 < text.length() && Character.isLowSurrogate(text.charAt(high + 1));
  }
}
