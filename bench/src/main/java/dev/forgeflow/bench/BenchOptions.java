package dev.forgeflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One {@code bench/run} invocation's settings, from {@code --name=value} arguments.
 *
 * @param benchmarks which benchmarks run: {@code --benchmark=all} (default), {@code pipeline} or
 *     {@code concurrency}
 * @param runs measured runs of the pipeline benchmark, per Temporal
 * @param warmups runs before the measured ones, not counted: the JIT needs about eight runs of the
 *     pipeline before the figures stop falling
 * @param latency what the fake model server adds to every call
 * @param concurrency the Implementer's parallel file activities per run
 * @param prompt the service to build; one resource gives the six-file project
 * @param timeline whether to print the last measured run's merged timeline
 * @param temporal the Temporals the pipeline benchmark runs on, one after the other
 * @param temporalCli the {@code temporal} executable of the dev server; blank when none is known
 * @param atOnce runs the concurrency benchmark launches at once
 * @param concurrencyTemporal the Temporals the concurrency benchmark runs on
 */
record BenchOptions(
    Set<Benchmark> benchmarks,
    int runs,
    int warmups,
    Duration latency,
    int concurrency,
    String prompt,
    boolean timeline,
    List<Backend> temporal,
    String temporalCli,
    int atOnce,
    List<Backend> concurrencyTemporal) {

  /** The benchmarks {@code bench/run} can run. */
  enum Benchmark {
    PIPELINE,
    CONCURRENCY
  }

  static final String DEFAULT_PROMPT = "A library API with books (title, author, price: float)";

  /** Where {@code ./forgeflow} installs the dev server's executable under its default data dir. */
  static final Path LOCAL_CLI = Path.of(".forgeflow", "temporal", "venv", "bin", "temporal");

  private static final List<String> NAMES =
      List.of(
          "benchmark",
          "runs",
          "warmups",
          "latency-ms",
          "concurrency",
          "prompt",
          "timeline",
          "temporal",
          "temporal-cli",
          "at-once",
          "concurrency-temporal");

  /**
   * The options {@code args} give; the dev server's executable is {@code --temporal-cli}, else
   * {@code FORGEFLOW_TEMPORAL_CLI}, else {@code localCli} if it is an executable.
   */
  static BenchOptions parse(String[] args, Map<String, String> env, Path localCli) {
    Map<String, String> given = BenchArgs.parse(args);
    Set<String> unknown = new TreeSet<>(given.keySet());
    NAMES.forEach(unknown::remove);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown options " + unknown + "; known: " + NAMES);
    }
    return new BenchOptions(
        benchmarks(given.getOrDefault("benchmark", "all")),
        BenchArgs.number(given.get("runs"), 5, 1),
        BenchArgs.number(given.get("warmups"), 8, 0),
        Duration.ofMillis(BenchArgs.number(given.get("latency-ms"), 500, 0)),
        BenchArgs.number(given.get("concurrency"), SixFileModel.FILES, 1),
        given.getOrDefault("prompt", DEFAULT_PROMPT),
        Boolean.parseBoolean(given.getOrDefault("timeline", "false")),
        Backend.parse(given.getOrDefault("temporal", "both")),
        temporalCli(given.get("temporal-cli"), env, localCli),
        BenchArgs.number(given.get("at-once"), 200, 1),
        Backend.parse(given.getOrDefault("concurrency-temporal", "dev-server")));
  }

  private static Set<Benchmark> benchmarks(String value) {
    String given = value.strip().toLowerCase(Locale.ROOT);
    if (given.equals("all")) {
      return EnumSet.allOf(Benchmark.class);
    }
    for (Benchmark benchmark : Benchmark.values()) {
      if (benchmark.name().toLowerCase(Locale.ROOT).equals(given)) {
        return EnumSet.of(benchmark);
      }
    }
    throw new IllegalArgumentException(
        "expected --benchmark=all, pipeline or concurrency, got '" + value + "'");
  }

  private static String temporalCli(String option, Map<String, String> env, Path localCli) {
    if (option != null && !option.isBlank()) {
      return option.strip();
    }
    String configured = env.getOrDefault("FORGEFLOW_TEMPORAL_CLI", "").strip();
    if (!configured.isEmpty()) {
      return configured;
    }
    return Files.isExecutable(localCli) ? localCli.toAbsolutePath().toString() : "";
  }
}
