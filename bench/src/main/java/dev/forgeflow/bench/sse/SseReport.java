package dev.forgeflow.bench.sse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The SSE benchmark's figures: a plain-text table and the same as JSON. */
final class SseReport {

  /** Where and when it ran. */
  record Machine(
      String date, int cores, double loadAverage, long benchmarkMaxHeapBytes, String java) {

    static Machine now() {
      return new Machine(
          Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
          Runtime.getRuntime().availableProcessors(),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          Runtime.getRuntime().maxMemory(),
          System.getProperty("java.version"));
    }
  }

  private SseReport() {}

  static void print(
      PrintStream out, Machine machine, SseOptions options, List<LevelFigures> levels) {
    out.printf(
        Locale.ROOT,
        "%nSSE delivery benchmark, %s: %d cores, load average %.2f at the start; Java %s%n",
        machine.date(),
        machine.cores(),
        machine.loadAverage(),
        machine.java());
    out.printf(
        Locale.ROOT,
        "gateway: a JVM of its own (-Xmx%s, G1), default settings; benchmark JVM (client and"
            + " appender): max heap %s%n",
        options.gatewayHeap(),
        Bytes.format(machine.benchmarkMaxHeapBytes()));
    out.printf(
        Locale.ROOT,
        "per level %d events per run, one every %d ms, after a warm-up level of %d subscribers and"
            + " %d events; baseline GET %s in bursts of as many requests as subscribers, one burst"
            + " per event (at once after a late one)%n",
        options.events(),
        options.interval().toMillis(),
        SseOptions.WARMUP_SUBSCRIBERS,
        options.warmupEvents(),
        LevelRun.BASELINE);
    LatencyTable.print(out, levels);
    ResourceTable.print(out, levels);
  }

  /** Writes the figures as JSON to {@code file}, creating its directory. */
  static void writeJson(Path file, Machine machine, SseOptions options, List<LevelFigures> levels)
      throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("benchmark", "sse-delivery");
    root.put("machine", machine);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("eventsPerRun", options.events());
    settings.put("intervalMs", options.interval().toMillis());
    settings.put("warmupSubscribers", SseOptions.WARMUP_SUBSCRIBERS);
    settings.put("warmupEvents", options.warmupEvents());
    settings.put("gatewayHeap", options.gatewayHeap());
    settings.put("baseline", "GET " + LevelRun.BASELINE);
    settings.put(
        "latency", "append returned -> event parsed by the client (fromCall: call started)");
    root.put("settings", settings);
    root.put("targetP99Ms", LevelFigures.TARGET_P99_MILLIS);
    root.put("levels", levels.stream().map(SseReport::json).toList());
    Path absolute = file.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(absolute.toFile(), root);
  }

  private static Map<String, Object> json(LevelFigures f) {
    Map<String, Object> level = new LinkedHashMap<>();
    level.put("subscribers", f.level().subscribers());
    level.put("runs", f.level().runs());
    level.put("eventsPerRun", f.eventsPerRun());
    level.put("sse", f.streams());
    level.put("get", f.baseline());
    level.put("sseP99OverGetP99", Double.isNaN(f.p99Ratio()) ? null : f.p99Ratio());
    level.put("p99UnderTarget", f.meetsTarget());
    level.put("memory", f.memory());
    level.put("heapPerSubscriberBytes", Math.round(f.heapPerSubscriberBytes()));
    return level;
  }
}
