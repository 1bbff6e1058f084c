package dev.forgeflow.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Prints the concurrency benchmark's figures, against the targets. */
final class ConcurrencyReport {
  static final int IN_FLIGHT_TARGET = 200;
  static final double OVERHEAD_TARGET = 1.10;
  private static final double MB = 1024 * 1024;
  private final PrintStream out;

  ConcurrencyReport(PrintStream out) {
    this.out = out;
  }

  void print(BenchOptions options, Backend backend, ConcurrencyBenchmark.Measured measured) {
    ConcurrencyFigures f = measured.figures();
    HeapPerRun heap = measured.heap();
    out.printf(
        Locale.ROOT,
        "%nForgeflow concurrency benchmark on the %s: %d runs launched at once through one worker,"
            + " model latency %d ms, implementer concurrency %d, sandbox off, %d cores, load"
            + " average %.2f%n",
        backend.label(),
        f.launched(),
        options.latency().toMillis(),
        options.concurrency(),
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.printf("  %-46s %s%n", "outcomes", f.outcomes());
    out.printf(
        Locale.ROOT,
        "  %-46s %d (most RUNNING in one sample of the run states: %d)   target ≥ %d  %s%n",
        "runs in flight at once, max (journal)",
        f.maxInFlight(),
        f.maxRunning(),
        IN_FLIGHT_TARGET,
        verdict(f.maxInFlight() >= IN_FLIGHT_TARGET));
    out.printf(
        Locale.ROOT,
        "  %-46s p50 %.3f  p99 %.3f  max %.3f   target p50 ≤ %.2f  %s%n",
        "run wall / critical path (" + f.comparable() + " comparable runs)",
        f.overhead().p50(),
        f.overhead().p99(),
        f.overhead().max(),
        OVERHEAD_TARGET,
        verdict(f.overhead().p50() <= OVERHEAD_TARGET));
    spread("critical path (ms)", f.criticalPathMs());
    spread("run wall (ms)", f.runWallMs());
    spread("launch → run.started, queued (ms)", f.queuedMs());
    out.printf(
        Locale.ROOT,
        "  %-46s %.1f s%n",
        "total wall, first launch → last run's end",
        f.totalWallMs() / 1000.0);
    cpu(measured);
    out.printf(
        Locale.ROOT,
        "  %-46s idle %.1f MB; %.1f MB with %d runs in flight (warm-up batch, %.1f s after its"
            + " first launch) → %.1f KB per run%n",
        "worker heap used after a full GC",
        heap.idleBytes() / MB,
        heap.loadedBytes() / MB,
        heap.runsInFlight(),
        measured.heapSampledAfterMs() / 1000.0,
        heap.bytesPerRun() / 1024);
  }

  private void cpu(ConcurrencyBenchmark.Measured measured) {
    ConcurrencyFigures f = measured.figures();
    long total = measured.cpuMs().values().stream().mapToLong(Long::longValue).sum();
    double available = f.totalWallMs() * (double) Runtime.getRuntime().availableProcessors();
    out.printf(
        Locale.ROOT,
        "  %-46s %.0f ms per run (%.0f %% of the cores during the batch):",
        "CPU used, measured batch",
        total / (double) f.launched(),
        100 * total / available);
    measured
        .cpuMs()
        .forEach(
            (part, ms) -> out.printf(Locale.ROOT, " %s %.0f;", part, ms / (double) f.launched()));
    out.println();
    StringBuilder split = new StringBuilder();
    measured
        .split()
        .forEach(
            (kind, ms) ->
                split.append(
                    String.format(
                        Locale.ROOT,
                        " %s %d;",
                        kind.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        ms)));
    out.printf("  %-46s%s%n", "run wall by what was happening (median ms)", split);
  }

  private void spread(String name, ConcurrencyFigures.Spread spread) {
    out.printf(
        Locale.ROOT,
        "  %-46s p50 %.0f  p99 %.0f  max %.0f%n",
        name,
        spread.p50(),
        spread.p99(),
        spread.max());
  }

  private static String verdict(boolean met) {
    return met ? "PASS" : "MISS";
  }

  static void sideBySide(PrintStream out, Map<Backend, ConcurrencyBenchmark.Measured> byBackend) {
    out.printf("%nConcurrency side by side:%n");
    row(out, "", byBackend, m -> "");
    row(out, "runs in flight at once, max", byBackend, m -> "" + m.figures().maxInFlight());
    row(out, "run wall / critical path, p50", byBackend, m -> fixed(m.figures().overhead().p50()));
    row(out, "run wall / critical path, p99", byBackend, m -> fixed(m.figures().overhead().p99()));
    row(
        out,
        "launch → run.started, p50 / p99 (ms)",
        byBackend,
        m ->
            String.format(
                Locale.ROOT,
                "%.0f / %.0f",
                m.figures().queuedMs().p50(),
                m.figures().queuedMs().p99()));
    row(
        out,
        "total wall (s)",
        byBackend,
        m -> String.format(Locale.ROOT, "%.1f", m.figures().totalWallMs() / 1000.0));
    row(
        out,
        "CPU per run, all processes (ms)",
        byBackend,
        m ->
            String.format(
                Locale.ROOT,
                "%.0f",
                m.cpuMs().values().stream().mapToLong(Long::longValue).sum()
                    / (double) m.figures().launched()));
    row(
        out,
        "worker heap per run in flight (KB)",
        byBackend,
        m -> String.format(Locale.ROOT, "%.0f", m.heap().bytesPerRun() / 1024));
  }

  private static void row(
      PrintStream out,
      String name,
      Map<Backend, ConcurrencyBenchmark.Measured> byBackend,
      Function<ConcurrencyBenchmark.Measured, String> cell) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-38s", name));
    byBackend.forEach(
        (backend, measured) ->
            line.append(
                String.format(
                    Locale.ROOT,
                    "  %-20s",
                    name.isEmpty() ? backend.label() : cell.apply(measured))));
    out.println(line.toString().stripTrailing());
  }

  private static String fixed(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }
}
