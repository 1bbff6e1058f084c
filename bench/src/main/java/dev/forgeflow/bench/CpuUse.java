package dev.forgeflow.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time used so far by the processes of one benchmark stack, by part: this JVM (the worker, the
 * client and, on the in-process service, Temporal), the Temporal dev server, embedded PostgreSQL
 * (the server whose command line names the stack's data dir, and its backends) and the fake model
 * server. Read from the operating system ({@link ProcessHandle.Info#totalCpuDuration}); a process
 * that ended between two samples takes its time with it.
 */
final class CpuUse {
  static final String WORKER = "worker JVM";
  static final String TEMPORAL = "Temporal dev server";
  static final String POSTGRES = "PostgreSQL";
  static final String MODEL = "model server";

  private CpuUse() {}

  /** Milliseconds of CPU by part, in a fixed order. */
  static Map<String, Long> sample(Path dataDir, long modelServerPid) {
    Map<String, Long> millis = new LinkedHashMap<>();
    millis.put(WORKER, cpu(Stream.of(ProcessHandle.current())));
    millis.put(
        TEMPORAL,
        cpu(ProcessHandle.current().descendants().filter(p -> commandHas(p, "start-dev"))));
    millis.put(
        POSTGRES,
        cpu(
            ProcessHandle.allProcesses()
                .filter(p -> commandHas(p, dataDir.toString()) && commandHas(p, "postgres"))
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))));
    millis.put(MODEL, cpu(ProcessHandle.of(modelServerPid).stream()));
    return millis;
  }

  /** {@code after − before}, part by part. */
  static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> used = new LinkedHashMap<>();
    after.forEach((part, ms) -> used.put(part, ms - before.getOrDefault(part, 0L)));
    return used;
  }

  private static long cpu(Stream<ProcessHandle> processes) {
    return processes
        .map(p -> p.info().totalCpuDuration())
        .flatMap(Optional::stream)
        .mapToLong(Duration::toMillis)
        .sum();
  }

  private static boolean commandHas(ProcessHandle process, String text) {
    return process.info().commandLine().filter(line -> line.contains(text)).isPresent();
  }
}
