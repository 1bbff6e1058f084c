package dev.forgeflow.sandbox.check;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a bundle declares a collection's path: the line of the router prefix or route decorator
 * that names it. A finding the service logged no traceback for (a request it wrongly accepted)
 * still points the repair at the code that serves the request.
 */
final class RouteIndex {

  private final Map<String, String> sources;

  /**
   * @param sources project-relative path to text, of the bundle's Python files
   */
  RouteIndex(Map<String, String> sources) {
    this.sources = Map.copyOf(sources);
  }

  static RouteIndex empty() {
    return new RouteIndex(Map.of());
  }

  /**
   * The first line, in the application's own files (not its tests), declaring {@code resource}'s
   * path as a string literal: a {@code prefix=} first, else a route decorator.
   *
   * @param resource a collection path without its leading slash, such as {@code books}
   */
  Optional<SourceLine> declaring(String resource) {
    if (resource.isBlank() || resource.equals("*")) {
      return Optional.empty();
    }
    String path = "/" + resource.replaceAll("^/+|/+$", "");
    Pattern literal = Pattern.compile("[\"']" + Pattern.quote(path) + "/?[\"']");
    Optional<SourceLine> prefix = find(literal, "prefix");
    return prefix.isPresent() ? prefix : find(literal, "@");
  }

  private Optional<SourceLine> find(Pattern literal, String marker) {
    List<String> files =
        sources.keySet().stream()
            .filter(p -> p.endsWith(".py") && !p.startsWith("tests/"))
            .sorted()
            .toList();
    for (String file : files) {
      String[] lines = sources.get(file).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].contains(marker) && literal.matcher(lines[i]).find()) {
          return Optional.of(new SourceLine(file, i + 1));
        }
      }
    }
    return Optional.empty();
  }
}
