package dev.forgeflow.bench.sse;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Per level: the appends, the CPU each process spent, and the gateway's heap per subscriber. */
final class ResourceTable {
  private static final String ROW = "%-26s %14s %9s  %16s %8s  %12s %8s  %21s %9s%n";

  private ResourceTable() {}

  static void print(PrintStream out, List<LevelFigures> levels) {
    out.printf(
        Locale.ROOT,
        "%nAppends (ms; per second per run); CPU in %% of one core by process (gateway /"
            + " PostgreSQL / benchmark JVM) and the gateway's µs per delivery or GET; the gateway's"
            + " live heap after a full GC%n");
    out.printf(
        Locale.ROOT,
        ROW,
        "level",
        "append p50/p99",
        "appends/s",
        "SSE CPU gw/pg/b",
        "µs/deliv",
        "GET CPU gw/b",
        "µs/GET",
        "heap idle → streams",
        "per sub");
    levels.forEach(f -> row(out, f));
    out.printf(
        Locale.ROOT,
        "live heap grown most with %s: %s%n",
        largest(levels).level().label(),
        largest(levels).memory().grown().stream()
            .map(g -> g.className() + " " + Bytes.format(g.bytes()))
            .collect(Collectors.joining(", ")));
  }

  private static void row(PrintStream out, LevelFigures f) {
    LevelFigures.Streams s = f.streams();
    LevelFigures.Baseline b = f.baseline();
    LevelFigures.Memory m = f.memory();
    out.printf(
        Locale.ROOT,
        ROW,
        f.level().label(),
        LatencyTable.ms(s.append().p50()) + " / " + LatencyTable.ms(s.append().p99()),
        String.format(Locale.ROOT, "%.1f", s.appendsPerSecond()),
        String.format(
            Locale.ROOT,
            "%.0f / %.0f / %.0f",
            s.cpu().percentOfACore(s.cpu().gatewayMs()),
            s.cpu().percentOfACore(s.cpu().postgresMs()),
            s.cpu().percentOfACore(s.cpu().benchmarkMs())),
        micros(s.cpu().gatewayMs(), s.latency().count()),
        b == null
            ? "—"
            : String.format(
                Locale.ROOT,
                "%.0f / %.0f",
                b.cpu().percentOfACore(b.cpu().gatewayMs()),
                b.cpu().percentOfACore(b.cpu().benchmarkMs())),
        b == null ? "—" : micros(b.cpu().gatewayMs(), b.latency().count()),
        Bytes.format(m.idleHeapBytes()) + " → " + Bytes.format(m.loadedHeapBytes()),
        Bytes.format(f.heapPerSubscriberBytes()));
  }

  private static String micros(long cpuMillis, int count) {
    return String.format(Locale.ROOT, "%.0f", cpuMillis * 1000.0 / count);
  }

  /** The first level with the most subscribers. */
  private static LevelFigures largest(List<LevelFigures> levels) {
    LevelFigures largest = levels.get(0);
    for (LevelFigures f : levels) {
      largest = f.level().subscribers() > largest.level().subscribers() ? f : largest;
    }
    return largest;
  }
}
