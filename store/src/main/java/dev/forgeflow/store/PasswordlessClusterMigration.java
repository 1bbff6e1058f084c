package dev.forgeflow.store;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a password to the superuser of a cluster that an earlier Forgeflow created with {@code
 * trust} authentication. The server is not started for it: a single-user backend, which opens no
 * socket, sets the password, so nobody can connect while the cluster still has none.
 */
final class PasswordlessClusterMigration {

  private static final Logger LOG = LoggerFactory.getLogger(PasswordlessClusterMigration.class);
  private static final long WAIT_SECONDS = 120;

  private PasswordlessClusterMigration() {}

  static void setPassword(Path pgData, String password) {
    LOG.warn("Setting a password on the embedded database in {}, created without one", pgData);
    try {
      Process backend = singleUserBackend(pgData).start();
      try (OutputStream in = backend.getOutputStream()) {
        in.write(("ALTER ROLE postgres PASSWORD '" + password + "';\n").getBytes(US_ASCII));
      }
      if (!backend.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
        backend.destroyForcibly();
        throw refused(pgData, "the single-user server did not finish");
      }
      if (backend.exitValue() != 0) {
        throw refused(pgData, "the single-user server exited with " + backend.exitValue());
      }
    } catch (IOException e) {
      throw refused(pgData, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw refused(pgData, "interrupted");
    }
  }

  // Its output is discarded: an error report would repeat the statement, password included.
  private static ProcessBuilder singleUserBackend(Path pgData) {
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      // As the embedded server itself does when run as root, which PostgreSQL refuses.
      command.addAll(List.of("unshare", "-U"));
    }
    command.add(new File(binaries(pgData), "bin/postgres").getPath());
    command.addAll(
        List.of("--single", "-D", pgData.toString(), "-c", "exit_on_error=true", "postgres"));
    return new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
  }

  /** The embedded server's binaries, unpacked where the library unpacks them for every start. */
  private static File binaries(Path pgData) {
    try {
      // The library unpacks its binaries in a private method; there is no public way to them.
      Method prepare =
          EmbeddedPostgres.class.getDeclaredMethod(
              "prepareBinaries", PgBinaryResolver.class, File.class);
      prepare.setAccessible(true);
      return (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw refused(pgData, "the PostgreSQL binaries could not be found (" + e + ")");
    }
  }

  private static IllegalStateException refused(Path pgData, String why) {
    return new IllegalStateException(
        "The embedded database in "
            + pgData
            + " was created without a password and could not be given one: "
            + why
            + ". Move that directory away to start with a new, empty database.");
  }
}
