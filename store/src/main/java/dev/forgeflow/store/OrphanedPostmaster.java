package dev.forgeflow.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server left running by a process that died without stopping it. Its server runs on in its own
 * process and would keep the next start from using the directory; whoever holds the directory's
 * lock may stop it.
 */
final class OrphanedPostmaster {

  private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostmaster.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);

  private OrphanedPostmaster() {}

  /** Stops the server named in {@code postmaster.pid}, if it is still running. */
  static void stopIfRunning(Path pgData) {
    pid(pgData.resolve("postmaster.pid"))
        .flatMap(ProcessHandle::of)
        .filter(OrphanedPostmaster::isPostgres)
        .ifPresent(OrphanedPostmaster::stop);
  }

  private static Optional<Long> pid(Path pidFile) {
    try {
      if (!Files.isRegularFile(pidFile)) {
        return Optional.empty();
      }
      return Files.readAllLines(pidFile).stream().findFirst().map(String::trim).map(Long::valueOf);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + pidFile, e);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
  }

  private static void stop(ProcessHandle process) {
    LOG.warn("Stopping PostgreSQL server {} left running by a previous process", process.pid());
    // SIGTERM: the server finishes its clients' work (they are gone) and shuts down cleanly.
    process.destroy();
    try {
      process.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping server " + process.pid(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Server " + process.pid() + " did not stop", e);
    }
  }
}
