package dev.forgeflow.store;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server run from bundled binaries, listening on a free port of 127.0.0.1,
 * keeping its data in a directory across restarts. The directory holds the cluster ({@code
 * pgdata/}) and a lock file: one process at a time may use it. The server trusts every connection
 * from 127.0.0.1, so the password is empty.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final String USER = "postgres";
  private static final String DATABASE = "postgres";

  private final DataDirectoryLock lock;
  private final EmbeddedPostgres postgres;
  private final HikariDataSource dataSource;

  private EmbeddedDatabase(DataDirectoryLock lock, EmbeddedPostgres postgres) {
    this.lock = lock;
    this.postgres = postgres;
    this.dataSource = Database.pool(jdbcUrl(), USER, password());
  }

  /**
   * Starts the server on {@code dataDir}, creating the cluster on first use.
   *
   * @throws IllegalStateException if another process (or another instance in this one) is using the
   *     directory, or the server does not start
   */
  public static EmbeddedDatabase start(Path dataDir) {
    DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
    try {
      Path pgData = dataDir.resolve("pgdata");
      OrphanedPostmaster.stopIfRunning(pgData);
      return new EmbeddedDatabase(lock, startServer(pgData));
    } catch (IOException | RuntimeException e) {
      lock.release();
      throw new IllegalStateException("Could not start embedded PostgreSQL in " + dataDir, e);
    }
  }

  private static EmbeddedPostgres startServer(Path pgData) throws IOException {
    Files.createDirectories(pgData);
    return EmbeddedPostgres.builder()
        .setDataDirectory(pgData)
        .setCleanDataDirectory(false)
        .setServerConfig("listen_addresses", "127.0.0.1")
        // Defaults tuned for throw-away test databases; this one keeps real data.
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setPGStartupWait(Duration.ofSeconds(60))
        // Whoever owns this database closes it: the server must outlive an interrupted JVM's
        // own shutdown work (a run being cancelled journals its end first).
        .setRegisterShutdownHook(false)
        .start();
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return "";
  }

  /** A connection pool to the server, closed with it. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Closes the pool, stops the server and releases the directory. */
  @Override
  public void close() {
    try {
      dataSource.close();
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not stop embedded PostgreSQL", e);
    } finally {
      lock.release();
    }
  }
}
