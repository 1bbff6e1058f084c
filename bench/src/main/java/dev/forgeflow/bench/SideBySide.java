package dev.forgeflow.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The pipeline benchmark's two ratios on each Temporal it ran on, in one table. */
final class SideBySide {
  private SideBySide() {}

  static void print(PrintStream out, Map<Backend, List<Measured>> byBackend) {
    out.printf(
        "%nSide by side, same machine and model server (median (min–max) of comparable runs):%n");
    StringBuilder header =
        new StringBuilder(String.format(Locale.ROOT, "  %-46s %-8s", "ratio", "target"));
    byBackend
        .keySet()
        .forEach(b -> header.append(String.format(Locale.ROOT, "  %-22s", b.label())));
    out.println(header.toString().stripTrailing());
    row(
        out,
        "(a) implementer wall / Σ implementer latency",
        Report.IMPLEMENTER_TARGET,
        byBackend,
        RunFigures::implementerRatio);
    row(out, "(b) run wall / critical path", Report.RUN_TARGET, byBackend, RunFigures::runRatio);
    StringBuilder counts =
        new StringBuilder(String.format(Locale.ROOT, "  %-46s %-8s", "comparable runs", ""));
    byBackend
        .values()
        .forEach(
            runs ->
                counts.append(
                    String.format(
                        Locale.ROOT, "  %-22s", comparable(runs).size() + " of " + runs.size())));
    out.println(counts.toString().stripTrailing());
  }

  private static void row(
      PrintStream out,
      String name,
      double target,
      Map<Backend, List<Measured>> byBackend,
      ToDoubleFunction<RunFigures> ratio) {
    StringBuilder line =
        new StringBuilder(String.format(Locale.ROOT, "  %-46s ≤ %-6.2f", name, target));
    for (List<Measured> runs : byBackend.values()) {
      line.append(String.format(Locale.ROOT, "  %-22s", cell(comparable(runs), ratio)));
    }
    out.println(line.toString().stripTrailing());
  }

  /** {@code median (min–max)} of the ratio over the runs, or a dash when there are none. */
  static String cell(List<RunFigures> runs, ToDoubleFunction<RunFigures> ratio) {
    if (runs.isEmpty()) {
      return "—";
    }
    Stats stats = Stats.of(runs.stream().map(ratio::applyAsDouble).toList());
    return String.format(Locale.ROOT, "%.3f (%.3f–%.3f)", stats.median(), stats.min(), stats.max());
  }

  private static List<RunFigures> comparable(List<Measured> runs) {
    return runs.stream().map(Measured::figures).filter(RunFigures::comparable).toList();
  }
}
