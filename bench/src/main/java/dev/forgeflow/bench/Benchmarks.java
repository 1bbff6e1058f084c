package dev.forgeflow.bench;

/**
 * What {@code bench/run} starts: the pipeline benchmark against a fake model server. Bad arguments,
 * or a stack that cannot be had, end it with a message and exit code 2 or 1.
 */
public final class Benchmarks {
  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args, System.getenv(), BenchOptions.LOCAL_CLI);
      if (options.temporalCli().isBlank() && options.temporal().contains(Backend.DEV_SERVER)) {
        throw new IllegalArgumentException(
            "the dev server needs the temporal executable: set FORGEFLOW_TEMPORAL_CLI or"
                + " --temporal-cli=<path>, or choose --temporal=in-process");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    try (ModelServer model = ModelServer.start(options.latency())) {
      PipelineBenchmark.run(options, model, System.out);
    } catch (IllegalStateException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(1);
    }
  }
}
