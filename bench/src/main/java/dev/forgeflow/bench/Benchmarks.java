package dev.forgeflow.bench;

import java.util.stream.Stream;

/**
 * What {@code bench/run} starts: the pipeline benchmark, then the concurrency benchmark, both
 * against one fake model server ({@code --benchmark=pipeline} or {@code concurrency} runs only
 * one). Bad arguments, or a stack that cannot be had, end it with a message and exit code 2 or 1.
 */
public final class Benchmarks {
  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args, System.getenv(), BenchOptions.LOCAL_CLI);
      if (options.temporalCli().isBlank() && needsDevServer(options)) {
        throw new IllegalArgumentException(
            "the dev server needs the temporal executable: set FORGEFLOW_TEMPORAL_CLI or"
                + " --temporal-cli=<path>, or choose --temporal=in-process"
                + " --concurrency-temporal=in-process");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    try (ModelServer model = ModelServer.start(options.latency())) {
      if (options.benchmarks().contains(BenchOptions.Benchmark.PIPELINE)) {
        PipelineBenchmark.run(options, model, System.out);
      }
      if (options.benchmarks().contains(BenchOptions.Benchmark.CONCURRENCY)) {
        ConcurrencyBenchmark.run(options, model, System.out);
      }
    } catch (IllegalStateException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(1);
    }
  }

  private static boolean needsDevServer(BenchOptions options) {
    Stream<Backend> pipeline =
        options.benchmarks().contains(BenchOptions.Benchmark.PIPELINE)
            ? options.temporal().stream()
            : Stream.empty();
    Stream<Backend> concurrency =
        options.benchmarks().contains(BenchOptions.Benchmark.CONCURRENCY)
            ? options.concurrencyTemporal().stream()
            : Stream.empty();
    return Stream.concat(pipeline, concurrency).anyMatch(b -> b == Backend.DEV_SERVER);
  }
}
