package dev.forgeflow.bench;

import java.time.Duration;
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
    Map<String, String> given = BenchArgs.parse(args);
    Set<String> unknown = new TreeSet<>(given.keySet());
    NAMES.forEach(unknown::remove);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown options " + unknown + "; known: " + NAMES);
    }
    return new BenchOptions(
        BenchArgs.number(given.get("runs"), 5, 1),
        BenchArgs.number(given.get("warmups"), 8, 0),
        Duration.ofMillis(BenchArgs.number(given.get("latency-ms"), 500, 0)),
        BenchArgs.number(given.get("concurrency"), SixFileModel.FILES, 1),
        given.getOrDefault("prompt", DEFAULT_PROMPT),
        Boolean.parseBoolean(given.getOrDefault("timeline", "false")));
  }
}
