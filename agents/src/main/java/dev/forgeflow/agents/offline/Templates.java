package dev.forgeflow.agents.offline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The planner's templates, read once from {@code templates/} next to this class. */
final class Templates {
  private static final Map<String, Template> CACHE = new ConcurrentHashMap<>();

  private Templates() {}

  /** Renders {@code templates/<name>.mustache} with a context of maps, lists and strings. */
  static String render(String name, Map<String, ?> context) {
    Template template =
        CACHE.computeIfAbsent(
            name, key -> Template.parse(key, ClasspathText.read("templates/" + key + ".mustache")));
    return template.render(context);
  }
}
