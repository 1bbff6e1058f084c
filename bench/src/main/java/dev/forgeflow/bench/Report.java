package dev.forgeflow.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Prints the measured runs, their median and range, the targets, and where the overhead goes. */
final class Report {
  static final double IMPLEMENTER_TARGET = 0.40;
  static final double RUN_TARGET = 1.10;
  private final PrintStream out;

  Report(PrintStream out) {
    this.out = out;
  }

  void print(BenchOptions options, Backend backend, List<Measured> runs) {
    out.printf(
        Locale.ROOT,
        "%nForgeflow pipeline benchmark on the %s: %d measured runs (%d warm-up), model latency"
            + " %d ms, implementer concurrency %d, %d cores, load average %.2f%n%n",
        backend.label(),
        runs.size(),
        options.warmups(),
        options.latency().toMillis(),
        options.concurrency(),
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    table(runs.stream().map(Measured::figures).toList());
    List<Measured> comparable = runs.stream().filter(m -> m.figures().comparable()).toList();
    if (comparable.isEmpty()) {
      out.println("\nNo run was approved in one round with six files: no figures to judge.");
      return;
    }
    List<RunFigures> figures = comparable.stream().map(Measured::figures).toList();
    out.printf(Locale.ROOT, "%nOver %d comparable runs:%n", comparable.size());
    verdict(
        "(a) implementer wall / Σ implementer latency",
        figures,
        RunFigures::implementerRatio,
        IMPLEMENTER_TARGET);
    verdict("(b) run wall / critical path", figures, RunFigures::runRatio, RUN_TARGET);
    medians(
        "Run wall time by what was happening (ms; median / min / max):",
        comparable.stream().map(m -> named(m.split())).toList());
    medians(
        "Time outside the model, segment by segment (ms; median / min / max):",
        comparable.stream().map(Measured::segments).toList());
  }

  private void table(List<RunFigures> runs) {
    out.println(
        "run  outcome    files  impl wall (wf)   Σ impl lat  (a)     run wall (wf)    crit path  (b)");
    int n = 1;
    for (RunFigures r : runs) {
      out.printf(
          Locale.ROOT,
          "%-4d %-10s %5d  %6d (%6d)  %10d  %5.3f  %7d (%6d)  %9d  %5.3f%s%n",
          n++,
          r.outcome(),
          r.files(),
          r.implWallMs(),
          r.implElapsedMs(),
          r.implLatencySumMs(),
          r.implementerRatio(),
          r.runWallMs(),
          r.runElapsedMs(),
          r.criticalPathMs(),
          r.runRatio(),
          r.comparable() ? "" : "  (not approved in one round with six files: excluded)");
    }
  }

  private void verdict(
      String name, List<RunFigures> runs, ToDoubleFunction<RunFigures> figure, double target) {
    Stats stats = Stats.of(runs.stream().map(figure::applyAsDouble).toList());
    out.printf(
        Locale.ROOT,
        "  %-46s median %.3f  min %.3f  max %.3f   target ≤ %.2f  %s%n",
        name,
        stats.median(),
        stats.min(),
        stats.max(),
        target,
        stats.median() <= target ? "PASS" : "MISS");
  }

  private void medians(String title, List<Map<String, Long>> runs) {
    Map<String, List<Double>> byName = new LinkedHashMap<>();
    runs.forEach(
        run ->
            run.forEach(
                (name, ms) ->
                    byName.computeIfAbsent(name, x -> new ArrayList<>()).add(ms.doubleValue())));
    out.printf("%n%s%n", title);
    byName.forEach(
        (name, values) -> {
          Stats s = Stats.of(values);
          out.printf(
              Locale.ROOT, "  %-54s %6.0f %6.0f %6.0f%n", name, s.median(), s.min(), s.max());
        });
  }

  private static Map<String, Long> named(Map<TimeSplit.Kind, Long> split) {
    Map<String, Long> named = new LinkedHashMap<>();
    split.forEach(
        (kind, ms) -> named.put(kind.name().toLowerCase(Locale.ROOT).replace('_', ' '), ms));
    return named;
  }
}
