package dev.forgeflow.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL server of a data directory, when one is still running after the stack has
 * closed: a start-up cut short by a signal can leave the server started but not yet handed to
 * anyone who would stop it. Only the holder of the data directory's lock may call this.
 */
final class LeftoverPostgres {
  private LeftoverPostgres() {}

  /**
   * Stops the server named in {@code postgres/pgdata/postmaster.pid}, if it still runs, and every
   * process this one started and that still runs (an {@code initdb} a signal cut short, say).
   */
  static void stop(Path dataDir) {
    pid(dataDir.resolve("postgres").resolve("pgdata").resolve("postmaster.pid"))
        .flatMap(ProcessHandle::of)
        .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
        .ifPresent(LeftoverPostgres::stop);
    ProcessHandle.current().children().forEach(LeftoverPostgres::stop);
  }

  private static void stop(ProcessHandle server) {
    // SIGTERM is PostgreSQL's "smart" shutdown; its clients are gone, so it stops at once
    server.destroy();
    try {
      server.onExit().get(20, TimeUnit.SECONDS);
    } catch (Exception notYet) {
      server.destroyForcibly();
    }
  }

  private static Optional<Long> pid(Path pidFile) {
    try {
      if (!Files.isRegularFile(pidFile)) {
        return Optional.empty();
      }
      return Files.readAllLines(pidFile).stream().findFirst().map(String::strip).map(Long::valueOf);
    } catch (IOException | NumberFormatException unreadable) {
      return Optional.empty();
    }
  }
}
