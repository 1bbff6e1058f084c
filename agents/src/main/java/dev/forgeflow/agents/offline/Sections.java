package dev.forgeflow.agents.offline;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which lines of a description sit in a section about its resources: under a heading with a section
 * word ({@code ## Resources}, {@code ## Data model}), down to the next heading as high, or after an
 * intro line such as {@code Entities:}, down to the next heading.
 */
final class Sections {
  private static final Set<String> SECTION_WORDS = ClasspathText.words("section-words");
  private static final int INTRO = 7;

  private Sections() {}

  /** For each line, whether it sits in a section about resources. */
  static boolean[] of(List<Line> lines) {
    boolean[] inSection = new boolean[lines.size()];
    int level = 0;
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).text();
      int heading = Markdown.headingLevel(text);
      if (heading > 0) {
        boolean deeper = level > 0 && level < INTRO && heading > level;
        level = deeper ? level : names(Markdown.headingText(text)) ? heading : 0;
      } else if (level == 0 && isIntro(text)) {
        level = INTRO;
      }
      inSection[i] = level > 0;
    }
    return inSection;
  }

  /** Whether a heading's words include a section word. */
  private static boolean names(String heading) {
    return Arrays.stream(words(heading)).anyMatch(SECTION_WORDS::contains);
  }

  /** {@code Entities:}, {@code **Data model:**}: section words alone, then a colon. */
  private static boolean isIntro(String line) {
    String text = Markdown.plain(line).strip();
    if (!text.endsWith(":") || text.length() > 40) {
      return false;
    }
    String[] words = words(text.substring(0, text.length() - 1));
    return words.length > 0 && Arrays.stream(words).allMatch(SECTION_WORDS::contains);
  }

  private static String[] words(String text) {
    String lower = Markdown.plain(text).toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ");
    return lower.isBlank() ? new String[0] : lower.strip().split(" ");
  }
}
