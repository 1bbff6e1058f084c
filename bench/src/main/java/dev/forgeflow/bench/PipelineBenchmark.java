package dev.forgeflow.bench;

import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the whole pipeline (embedded PostgreSQL, Temporal, the real agents over HTTP) against a fake
 * model server that adds a fixed latency to every call, for a six-file project, and prints how
 * close the run comes to its model latency: (a) the Implementer stage's wall time over the sum of
 * its calls' latencies, (b) the run's wall time over its critical path of model calls. With more
 * than one Temporal (the in-process service and the dev server), each gets a stack of its own, one
 * after the other, against the same model server, and the figures end in one table side by side.
 */
final class PipelineBenchmark {
  private PipelineBenchmark() {}

  static void run(BenchOptions options, ModelServer model, PrintStream out) throws IOException {
    Map<Backend, List<Measured>> byBackend = new LinkedHashMap<>();
    for (Backend backend : options.temporal()) {
      try (Stack stack =
          Stack.boot(backend, model.baseUrl(), options.concurrency(), options.temporalCli())) {
        out.printf("%nPipeline benchmark on the %s (%s)%n", backend.label(), stack.describe());
        List<Measured> measured = measure(stack, options, out);
        new Report(out).print(options, backend, measured);
        if (options.timeline()) {
          Measured last = measured.get(measured.size() - 1);
          Timeline.print(out, last.trace(), last.history());
        }
        byBackend.put(backend, measured);
      }
    }
    if (byBackend.size() > 1) {
      SideBySide.print(out, byBackend);
    }
  }

  private static List<Measured> measure(Stack stack, BenchOptions options, PrintStream out) {
    RunDriver driver = new RunDriver(stack.runs(), options);
    WorkflowClient client = stack.client();
    for (int i = 0; i < options.warmups(); i++) {
      out.printf("warm-up run %d/%d%n", i + 1, options.warmups());
      driver.run();
    }
    List<Measured> measured = new ArrayList<>();
    for (int i = 0; i < options.runs(); i++) {
      out.printf("measured run %d/%d%n", i + 1, options.runs());
      RunTrace trace = driver.run();
      measured.add(Measured.of(trace, client.fetchHistory(trace.runId()).getEvents()));
    }
    return measured;
  }
}
