package dev.forgeflow.sandbox.check;

import java.time.Duration;

/**
 * The bounds of one check container.
 *
 * @param compile wall time to byte-compile every file
 * @param importApp wall time to import the app
 * @param pytest wall time for the project's test suite
 * @param startUp wall time for the service to answer HTTP
 * @param probe wall time for the OpenAPI probe
 * @param attack wall time for the attack stage that follows the probe
 * @param memoryBytes memory limit, swap included
 * @param pids process limit
 * @param nanoCpus CPU limit in billionths of a CPU
 */
public record CheckLimits(
    Duration compile,
    Duration importApp,
    Duration pytest,
    Duration startUp,
    Duration probe,
    Duration attack,
    long memoryBytes,
    long pids,
    long nanoCpus) {

  /** Limits for generated services of the usual size. */
  public static CheckLimits defaults() {
    return new CheckLimits(
        Duration.ofSeconds(60),
        Duration.ofSeconds(30),
        Duration.ofSeconds(180),
        Duration.ofSeconds(30),
        Duration.ofSeconds(120),
        Duration.ofSeconds(120),
        768L * 1024 * 1024,
        256,
        2_000_000_000L);
  }

  /** The longest the container may live: every step's bound plus a margin. */
  Duration lifetime() {
    return compile
        .plus(importApp)
        .plus(pytest)
        .plus(startUp)
        .plus(probe)
        .plus(attack)
        .plus(Duration.ofMinutes(1));
  }
}
