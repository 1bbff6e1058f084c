package dev.forgeflow.agents.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads the planner's resource files, which ship inside the jar next to this class. */
final class ClasspathText {
  private ClasspathText() {}

  /** The UTF-8 text of a resource relative to this package, e.g. {@code templates/README.md}. */
  static String read(String relativePath) {
    try (InputStream in = ClasspathText.class.getResourceAsStream(relativePath)) {
      if (in == null) {
        throw new IllegalStateException("missing planner resource " + relativePath);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read planner resource " + relativePath, e);
    }
  }

  /** The words of {@code words/<name>.txt}: its non-blank lines that are not {@code #} comments. */
  static Set<String> words(String name) {
    return lines(name).collect(Collectors.toUnmodifiableSet());
  }

  /** The pairs of {@code words/<name>.txt}, one {@code key value} a line. */
  static Map<String, String> pairs(String name) {
    return lines(name)
        .map(line -> line.split("\\s+"))
        .collect(Collectors.toUnmodifiableMap(pair -> pair[0], pair -> pair[1]));
  }

  private static Stream<String> lines(String name) {
    return read("words/" + name + ".txt")
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"));
  }
}
