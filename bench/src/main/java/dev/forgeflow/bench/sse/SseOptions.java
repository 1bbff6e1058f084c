package dev.forgeflow.bench.sse;

import dev.forgeflow.bench.BenchArgs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One SSE benchmark invocation's settings, from {@code --name=value} arguments.
 *
 * @param subscribers the levels' subscriber counts, each to one run, in the order measured
 * @param spreadRuns if above 1, one more level: the largest count spread over this many runs
 * @param events events appended per run at each level
 * @param interval time between two appends to a run
 * @param warmupEvents events of the warm-up level (100 subscribers, not counted)
 * @param json where the figures are written as JSON
 * @param gatewayHeap the gateway JVM's {@code -Xmx}
 * @param gatewayClasspath the gateway module's runtime classpath ({@code bench/run-sse} builds it)
 */
record SseOptions(
    List<Integer> subscribers,
    int spreadRuns,
    int events,
    Duration interval,
    int warmupEvents,
    Path json,
    String gatewayHeap,
    String gatewayClasspath) {

  static final int WARMUP_SUBSCRIBERS = 100;
  private static final List<String> NAMES =
      List.of(
          "levels",
          "spread-runs",
          "events",
          "interval-ms",
          "warmup-events",
          "json",
          "gateway-heap",
          "gateway-classpath");

  static SseOptions parse(String[] args) {
    Map<String, String> given = BenchArgs.parse(args);
    Set<String> unknown = new TreeSet<>(given.keySet());
    NAMES.forEach(unknown::remove);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown options " + unknown + "; known: " + NAMES);
    }
    String classpath = given.getOrDefault("gateway-classpath", "").strip();
    if (classpath.isEmpty()) {
      throw new IllegalArgumentException(
          "--gateway-classpath is missing: start the benchmark with bench/run-sse, which builds it");
    }
    String heap = given.getOrDefault("gateway-heap", "512m").strip();
    if (!heap.matches("\\d+[kKmMgG]?")) {
      throw new IllegalArgumentException("--gateway-heap must look like 512m, got '" + heap + "'");
    }
    return new SseOptions(
        counts(given.getOrDefault("levels", "1,100,1000")),
        BenchArgs.number(given.get("spread-runs"), 10, 0),
        BenchArgs.number(given.get("events"), 200, 1),
        Duration.ofMillis(BenchArgs.number(given.get("interval-ms"), 20, 1)),
        BenchArgs.number(given.get("warmup-events"), 200, 0),
        Path.of(given.getOrDefault("json", "bench/target/sse-bench.json")),
        heap,
        classpath);
  }

  /** The levels in the order measured: each count on one run, then the spread one if any. */
  List<Level> levels() {
    List<Level> levels = new ArrayList<>(subscribers.stream().map(n -> new Level(n, 1)).toList());
    int most = subscribers.stream().mapToInt(Integer::intValue).max().orElseThrow();
    if (spreadRuns > 1 && spreadRuns <= most) {
      levels.add(new Level(most, spreadRuns));
    }
    return levels;
  }

  private static List<Integer> counts(String list) {
    List<Integer> counts =
        Arrays.stream(list.split(",")).map(n -> BenchArgs.number(n, 0, 1)).toList();
    if (counts.isEmpty()) {
      throw new IllegalArgumentException("--levels needs at least one subscriber count");
    }
    return counts;
  }
}
