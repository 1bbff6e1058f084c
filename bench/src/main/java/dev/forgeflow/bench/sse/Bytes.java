package dev.forgeflow.bench.sse;

import java.util.Locale;

/** Byte counts for people: KB and MB of 1024. */
final class Bytes {
  private Bytes() {}

  static String format(double bytes) {
    double abs = Math.abs(bytes);
    if (abs >= 1024 * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f GB", bytes / (1024 * 1024 * 1024));
    }
    if (abs >= 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / (1024 * 1024));
    }
    if (abs >= 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024);
    }
    return String.format(Locale.ROOT, "%.0f B", bytes);
  }
}
