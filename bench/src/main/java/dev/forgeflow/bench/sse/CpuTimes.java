package dev.forgeflow.bench.sse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time used so far, in ms, by the gateway's JVM, this JVM (the client and the appender) and
 * embedded PostgreSQL (the server whose command line names the data dir, and its backends), read
 * from the operating system, with this JVM's clock in ms ({@code wallMs}) when it was read.
 */
record CpuTimes(long gatewayMs, long benchmarkMs, long postgresMs, long wallMs) {

  static CpuTimes sample(long gatewayPid, Path dataDir) {
    return new CpuTimes(
        millis(ProcessHandle.of(gatewayPid).stream()),
        millis(Stream.of(ProcessHandle.current())),
        millis(
            ProcessHandle.allProcesses()
                .filter(p -> commandHas(p, dataDir.toString()) && commandHas(p, "postgres"))
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))),
        System.nanoTime() / 1_000_000);
  }

  /** What was used between {@code before} and this sample, and how long that was. */
  CpuTimes since(CpuTimes before) {
    return new CpuTimes(
        gatewayMs - before.gatewayMs,
        benchmarkMs - before.benchmarkMs,
        postgresMs - before.postgresMs,
        wallMs - before.wallMs);
  }

  /** {@code cpuMs} as a share of one core over {@code wallMs}, in %. */
  double percentOfACore(long cpuMs) {
    return wallMs == 0 ? 0 : 100.0 * cpuMs / wallMs;
  }

  private static long millis(Stream<ProcessHandle> processes) {
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
