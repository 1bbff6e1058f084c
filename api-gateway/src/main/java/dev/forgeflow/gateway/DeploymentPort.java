package dev.forgeflow.gateway;

import dev.forgeflow.store.RunRecord;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the gateway asks of the sandbox for deployed services: the port the server that holds the
 * Docker daemon (the orchestrator) implements. Every method may block: callers keep it off the
 * event loop.
 */
public interface DeploymentPort {

  /** Why this server cannot deploy (no Docker daemon, no base image), or empty if it can. */
  Optional<String> unavailable();

  /**
   * Starts deploying a bundle version of the run as the run's service, replacing its current one
   * once the new one is healthy.
   *
   * @throws Busy if a deploy of this run is in progress
   */
  void deploy(RunRecord run, String bundleId);

  /** The run's service, if it has one or one is being deployed. */
  Optional<Status> status(String runId);

  /** The runs that have a service, deployed or being deployed, whoever owns them. */
  java.util.List<String> deployedRuns();

  /** Stops and removes the run's service; false if it had none. */
  boolean stop(String runId);

  /**
   * Hands the last {@code tail} lines of the service's log to {@code lines}, then, when {@code
   * follow}, every new line until the returned handle is closed or the service stops. {@code ended}
   * runs once no more lines will come (not after the handle is closed).
   *
   * @throws java.util.NoSuchElementException if the run has no service
   */
  AutoCloseable followLogs(
      String runId, int tail, boolean follow, Consumer<String> lines, Runnable ended);

  /**
   * Where the run's healthy service answers: a loopback URL of its own published port, and nothing
   * else (the proxy forwards only there).
   */
  Optional<URI> target(String runId);

  /**
   * A run's service.
   *
   * @param state {@code deploying}, {@code healthy}, or what went wrong
   * @param url where it answers on the server's loopback, once deployed
   * @param bundleId the bundle version it runs
   * @param expiresAt when the janitor removes it
   */
  record Status(String state, String url, String bundleId, OffsetDateTime expiresAt) {}

  /** A deploy of the run is in progress already. */
  final class Busy extends RuntimeException {
    public Busy(String message) {
      super(message);
    }
  }
}
