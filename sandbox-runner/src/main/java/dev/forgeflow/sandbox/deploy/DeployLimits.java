package dev.forgeflow.sandbox.deploy;

import java.time.Duration;

/**
 * The bounds of a deployed service.
 *
 * @param memoryBytes memory limit, swap included (no swap beyond it)
 * @param pids process and thread limit
 * @param nanoCpus CPU limit in billionths of a CPU
 * @param ttl how long the service may run before the janitor removes it
 * @param healthTimeout how long the service has to answer its health check
 */
public record DeployLimits(
    long memoryBytes, long pids, long nanoCpus, Duration ttl, Duration healthTimeout) {

  /** 256 MB, 128 processes, one CPU, 24 hours, 60 seconds to become healthy. */
  public static DeployLimits defaults() {
    return new DeployLimits(
        256L * 1024 * 1024, 128, 1_000_000_000L, Duration.ofHours(24), Duration.ofSeconds(60));
  }
}
