package dev.forgeflow.bench;

import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives many runs at once through one worker: this process's own stack, with the fake model server
 * at its fixed latency and the sandbox off. Per Temporal: {@value #SEQUENTIAL_WARMUPS} runs one
 * after the other, so every stage has run and filled its caches, then the idle heap after a full
 * GC; a warm-up batch of {@code --at-once} runs launched together, during which the heap is sampled
 * after a full GC once every run is in flight; then the measured batch, untouched by any GC the
 * benchmark asks for, which gives the other figures.
 */
final class ConcurrencyBenchmark {
  static final int SEQUENTIAL_WARMUPS = 3;

  private ConcurrencyBenchmark() {}

  /**
   * A measured batch's figures, the heap per run from the warm-up batch, the CPU each part of the
   * stack used during the measured batch, and where the comparable runs' time went (medians).
   */
  record Measured(
      ConcurrencyFigures figures,
      HeapPerRun heap,
      long heapSampledAfterMs,
      Map<String, Long> cpuMs,
      Map<TimeSplit.Kind, Long> split) {}

  static void run(BenchOptions options, ModelServer model, PrintStream out)
      throws IOException, InterruptedException {
    Map<Backend, Measured> byBackend = new LinkedHashMap<>();
    for (Backend backend : options.concurrencyTemporal()) {
      try (Stack stack =
          Stack.boot(backend, model.baseUrl(), options.concurrency(), options.temporalCli())) {
        out.printf("%nConcurrency benchmark on the %s (%s)%n", backend.label(), stack.describe());
        Measured measured = measure(stack, model, options, out);
        new ConcurrencyReport(out).print(options, backend, measured);
        byBackend.put(backend, measured);
      }
    }
    if (byBackend.size() > 1) {
      ConcurrencyReport.sideBySide(out, byBackend);
    }
  }

  private static Measured measure(
      Stack stack, ModelServer model, BenchOptions options, PrintStream out)
      throws InterruptedException {
    Batch batch = new Batch(stack.runs(), RunDriver.request(options), out);
    int size = options.atOnce();
    out.printf(
        "%d warm-up runs one by one, idle heap, then a warm-up batch of %d runs at once (heap"
            + " sampled once all are in flight)%n",
        SEQUENTIAL_WARMUPS, size);
    WarmUp warmUp = warmUp(stack, options, batch);
    out.printf(
        "measured batch: %d runs at once (load average %.2f)%n",
        size, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    Map<String, Long> cpuBefore = CpuUse.sample(stack.dataDir(), model.pid());
    Batch.Result measured = batch.run(size, false);
    Map<String, Long> cpu = CpuUse.between(cpuBefore, CpuUse.sample(stack.dataDir(), model.pid()));
    return new Measured(
        ConcurrencyFigures.of(measured),
        warmUp.heap(),
        warmUp.sampledAfterMs(),
        cpu,
        split(stack.client(), measured.traces()));
  }

  private record WarmUp(HeapPerRun heap, long sampledAfterMs) {}

  /** The warm-up runs and batch; only their heap figures outlive them. */
  private static WarmUp warmUp(Stack stack, BenchOptions options, Batch batch)
      throws InterruptedException {
    RunDriver driver = new RunDriver(stack.runs(), options);
    for (int i = 0; i < SEQUENTIAL_WARMUPS; i++) {
      driver.run();
    }
    HeapSample idle = HeapSample.take();
    Batch.Result warm = batch.run(options.atOnce(), true);
    HeapSample loaded = warm.heap().orElseThrow();
    return new WarmUp(
        ConcurrencyFigures.of(warm).heapPerRun(idle, loaded),
        RunTrace.millis(warm.launchedAt(), loaded.from()));
  }

  private static Map<TimeSplit.Kind, Long> split(WorkflowClient client, List<RunTrace> traces) {
    List<Map<TimeSplit.Kind, Long>> splits =
        traces.stream()
            .filter(t -> RunFigures.of(t).comparable())
            .map(t -> TimeSplit.of(t, client.fetchHistory(t.runId()).getEvents()))
            .toList();
    return TimeSplit.medians(splits);
  }
}
