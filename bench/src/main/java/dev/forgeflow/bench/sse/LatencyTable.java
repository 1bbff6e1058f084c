package dev.forgeflow.bench.sse;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Latencies per level, SSE beside the GET baseline, and the target. */
final class LatencyTable {
  private static final String ROW = "%-26s %10s  %7s %7s %7s %7s  %9s  %7s %7s %7s %7s  %7s  %s%n";

  private LatencyTable() {}

  static void print(PrintStream out, List<LevelFigures> levels) {
    out.printf(
        Locale.ROOT,
        "%nLatency, ms. SSE: append returned → event parsed by the client (p99 from the call's"
            + " start beside it). GET: issued → response read.%n");
    out.printf(
        Locale.ROOT,
        ROW,
        "level",
        "deliveries",
        "SSE p50",
        "p95",
        "p99",
        "max",
        "p99 call",
        "GET p50",
        "p95",
        "p99",
        "max",
        "SSE/GET",
        "SSE p99 < 50 ms");
    levels.forEach(f -> row(out, f));
    levels.stream()
        .filter(f -> f.level().subscribers() >= 1000)
        .forEach(
            f ->
                out.printf(
                    Locale.ROOT,
                    "target p99 < %.0f ms with 1,000 subscribers (%s): %s, p99 %s ms%n",
                    LevelFigures.TARGET_P99_MILLIS,
                    f.level().label(),
                    f.meetsTarget() ? "PASS" : "MISS",
                    ms(f.streams().latency().p99())));
  }

  private static void row(PrintStream out, LevelFigures f) {
    Latency sse = f.streams().latency();
    Latency get = f.baseline() == null ? null : f.baseline().latency();
    out.printf(
        Locale.ROOT,
        ROW,
        f.level().label(),
        sse.count(),
        ms(sse.p50()),
        ms(sse.p95()),
        ms(sse.p99()),
        ms(sse.max()),
        ms(f.streams().fromCall().p99()),
        get == null ? "—" : ms(get.p50()),
        get == null ? "—" : ms(get.p95()),
        get == null ? "—" : ms(get.p99()),
        get == null ? "—" : ms(get.max()),
        get == null ? "—" : String.format(Locale.ROOT, "%.2f", f.p99Ratio()),
        f.meetsTarget() ? "yes" : "no");
  }

  /** Two decimals under 10 ms, one above. */
  static String ms(double millis) {
    return String.format(Locale.ROOT, Math.abs(millis) < 10 ? "%.2f" : "%.1f", millis);
  }
}
