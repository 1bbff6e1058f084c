package dev.forgeflow.agents.offline;

import java.util.Locale;
import java.util.Set;

/** Words with a fixed role in prompts: what names a service, and what only links a sentence. */
final class Vocabulary {
  /** Words that name the service itself, never one of its resources. */
  static final Set<String> SERVICE_NOUNS = ClasspathText.words("service-nouns");

  /** Words that introduce a resource or its fields and are never its name. */
  static final Set<String> LINKING = ClasspathText.words("linking-words");

  /** Words that, placed right before a resource name, say a resource is being declared. */
  static final Set<String> DECLARING = ClasspathText.words("declaring-words");

  private Vocabulary() {}

  /** Whether a word (or two) may name a resource: it names no service and links nothing. */
  static boolean canNameResource(String words) {
    for (String word : words.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (SERVICE_NOUNS.contains(word) || LINKING.contains(word)) {
        return false;
      }
    }
    return !words.isBlank();
  }
}
