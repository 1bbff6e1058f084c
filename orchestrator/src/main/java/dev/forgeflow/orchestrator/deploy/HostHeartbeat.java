package dev.forgeflow.orchestrator.deploy;

import dev.forgeflow.store.SandboxHosts;
import dev.forgeflow.workflows.sandbox.SandboxHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says every few seconds that this runner's Docker host is alive, so runs are placed on it; on the
 * way down, that it leaves. A runner that dies stops saying so and is chosen no more once {@link
 * RecordedPlacement#LIVE} has passed.
 */
public final class HostHeartbeat implements AutoCloseable {
  static final long EVERY_SECONDS = 5;
  static final long LEAVE_WAIT_SECONDS = 2;
  private static final Logger LOG = LoggerFactory.getLogger(HostHeartbeat.class);

  private final SandboxHosts hosts;
  private final SandboxHost host;
  private final Path alive;
  private volatile boolean failing;
  private final ScheduledExecutorService beat =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "forgeflow-host-heartbeat");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * @param alive a file touched after each heartbeat the database took, for a health check that has
   *     no HTTP to ask (a sandbox runner serves none)
   */
  public HostHeartbeat(SandboxHosts hosts, SandboxHost host, Path alive) {
    this.hosts = hosts;
    this.host = host;
    this.alive = alive;
  }

  /** Starts saying so. */
  public void start() {
    beat.scheduleWithFixedDelay(this::once, 0, EVERY_SECONDS, TimeUnit.SECONDS);
  }

  private void once() {
    try {
      hosts.heartbeat(host.name(), host.taskQueue());
      Files.createDirectories(alive.getParent());
      Files.writeString(alive, Instant.now() + "\n");
      if (failing) {
        failing = false;
        LOG.info("host {} is said to be alive again", host.name());
      }
    } catch (IOException | RuntimeException failed) {
      // said once when it starts failing, not every beat
      if (!failing) {
        failing = true;
        LOG.warn("could not say host {} is alive: {}", host.name(), failed.getMessage());
      }
    }
  }

  /**
   * Says the host leaves, waiting at most {@link #LEAVE_WAIT_SECONDS} for the database: one that is
   * gone must not hold up the process's way down (the host is not seen alive once its heartbeats
   * stop anyway).
   */
  @Override
  public void close() {
    beat.execute(
        () -> {
          try {
            hosts.leave(host.name());
          } catch (RuntimeException unreachable) {
            // not seen alive once its heartbeats stop
          }
        });
    beat.shutdown(); // the periodic heartbeat stops; the leaving runs
    try {
      if (!beat.awaitTermination(LEAVE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        beat.shutdownNow();
      }
    } catch (InterruptedException stop) {
      beat.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
