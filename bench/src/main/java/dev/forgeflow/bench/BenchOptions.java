package dev.forgeflow.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One benchmark invocation's settings, from {@code --name=value} arguments.
 *
 * @param runs measured runs
 * @param warmups runs before the measured ones, not counted: the JIT needs about eight runs of the
 *     pipeline before the figures stop falling
 * @param latency what the fake model server adds to every call
 * @param concurrency the Implementer's parallel file activities per run
 * @param prompt the service to build; one resource gives the six-file project
 * @param timeline whether to print the last measured run's merged timeline
 */
record BenchOptions(
    int runs, int warmups, Duration latency, int concurrency, String prompt, boolean timeline) {

  static final String DEFAULT_PROMPT = "A library API with books (title, author, price: float)";
  private static final List<String> NAMES =
      List.of("runs", "warmups", "latency-ms", "concurrency", "prompt", "timeline");

  static BenchOptions parse(String[] args) {
    Map<String, String> given = arguments(args);
    Set<String> unknown = new TreeSet<>(given.keySet());
    NAMES.forEach(unknown::remove);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown options " + unknown + "; known: " + NAMES);
    }
    return new BenchOptions(
        number(given.get("runs"), 5, 1),
        number(given.get("warmups"), 8, 0),
        Duration.ofMillis(number(given.get("latency-ms"), 500, 0)),
        number(given.get("concurrency"), SixFileModel.FILES, 1),
        given.getOrDefault("prompt", DEFAULT_PROMPT),
        Boolean.parseBoolean(given.getOrDefault("timeline", "false")));
  }

  private static Map<String, String> arguments(String[] args) {
    Map<String, String> given = new HashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0) {
        throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
      }
      given.put(arg.substring(2, equals), arg.substring(equals + 1));
    }
    return given;
  }

  private static int number(String value, int fallback, int min) {
    if (value == null) {
      return fallback;
    }
    int parsed = Integer.parseInt(value.strip());
    if (parsed < min) {
      throw new IllegalArgumentException("expected at least " + min + ", got " + parsed);
    }
    return parsed;
  }
}
