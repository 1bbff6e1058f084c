package dev.forgeflow.agents.offline;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** English singular and plural forms of lower-case words, and the case conversions names need. */
final class Inflector {
  private static final Map<String, String> IRREGULAR = ClasspathText.pairs("irregular-plurals");
  private static final Map<String, String> IRREGULAR_SINGULAR =
      IRREGULAR.entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
  private static final Set<String> UNCOUNTABLE = ClasspathText.words("uncountable");

  /** Singular words ending in s that are not plurals. */
  private static final Set<String> SINGULAR_S = ClasspathText.words("singular-s");

  /** Singulars ending in -ie, -oe, -che or -ze whose plurals the suffix rules would misread. */
  private static final Set<String> KEEP_E = ClasspathText.words("keep-e");

  private Inflector() {}

  static String plural(String singular) {
    String word = singular.toLowerCase(Locale.ROOT);
    if (UNCOUNTABLE.contains(word)) {
      return word;
    }
    if (IRREGULAR.containsKey(word)) {
      return IRREGULAR.get(word);
    }
    if (word.matches(".*(s|x|z|ch|sh)")) {
      return word + "es";
    }
    if (word.matches(".*[^aeiou]y")) {
      return word.substring(0, word.length() - 1) + "ies";
    }
    return word + "s";
  }

  static String singular(String plural) {
    String word = plural.toLowerCase(Locale.ROOT);
    if (IRREGULAR_SINGULAR.containsKey(word)) {
      return IRREGULAR_SINGULAR.get(word);
    }
    if (UNCOUNTABLE.contains(word) || SINGULAR_S.contains(word) || !word.endsWith("s")) {
      return word;
    }
    String stem = word.substring(0, word.length() - 1);
    String shorter = word.substring(0, word.length() - 2);
    if (word.endsWith("ies") && !KEEP_E.contains(stem)) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.matches(".*(ss|x|ch|sh|zz)es") && !KEEP_E.contains(stem)) {
      return word.endsWith("zzes") ? word.substring(0, word.length() - 3) : shorter;
    }
    if (word.endsWith("uses") && SINGULAR_S.contains(shorter)) {
      return shorter;
    }
    if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
      return word;
    }
    return stem;
  }

  /** {@code order_items} to {@code OrderItem}: the last word is made singular. */
  static String className(String snakePlural) {
    StringBuilder name = new StringBuilder();
    String[] parts = snakePlural.split("_");
    parts[parts.length - 1] = singular(parts[parts.length - 1]);
    for (String part : parts) {
      if (!part.isEmpty()) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return name.toString();
  }

  /** {@code OrderItem} to {@code order_item}. */
  static String snake(String pascal) {
    return pascal.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /** Whether the last word of a snake_case name is already plural. */
  static boolean isPlural(String snake) {
    String last = snake.substring(snake.lastIndexOf('_') + 1);
    return UNCOUNTABLE.contains(last) || !singular(last).equals(last);
  }

  /** The plural snake_case form of a snake_case name whose last word may be singular. */
  static String pluralName(String snake) {
    int cut = snake.lastIndexOf('_') + 1;
    String last = snake.substring(cut);
    return isPlural(snake) ? snake : snake.substring(0, cut) + plural(last);
  }
}
