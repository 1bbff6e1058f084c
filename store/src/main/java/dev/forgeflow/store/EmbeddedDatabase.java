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
 * pgdata/}), the superuser's password ({@code postgres.password}, mode 0600, generated on first
 * start) and a lock file: one process at a time may use it. The server accepts only password
 * (SCRAM) connections over 127.0.0.1: it opens no Unix socket and trusts nobody.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final String USER = "postgres";
  private static final String DATABASE = "postgres";

  private static final String PASSWORD_FILE = "postgres.password";

  /** Connections the server accepts; a pool may use all of them. */
  public static final int MAX_CONNECTIONS = 300;

  private final DataDirectoryLock lock;
  private final EmbeddedPostgres postgres;
  private final String password;
  private final HikariDataSource dataSource;

  private EmbeddedDatabase(
      DataDirectoryLock lock, EmbeddedPostgres postgres, String password, int poolSize) {
    this.lock = lock;
    this.postgres = postgres;
    this.password = password;
    this.dataSource = Database.pool(jdbcUrl(), USER, password, poolSize);
  }

  /**
   * Starts the server on {@code dataDir}, creating the cluster and its password on first use. A
   * cluster an earlier version created without a password is given one first.
   *
   * @throws DataDirectoryInUse if another process (or another instance in this one) is using the
   *     directory
   * @throws IllegalStateException if the server does not start
   */
  public static EmbeddedDatabase start(Path dataDir) {
    return start(dataDir, Database.DEFAULT_POOL_SIZE);
  }

  /**
   * Like {@link #start(Path)}, with a pool of at most {@code poolSize} connections; the server
   * accepts {@link #MAX_CONNECTIONS}.
   */
  public static EmbeddedDatabase start(Path dataDir, int poolSize) {
    if (poolSize < 1 || poolSize > MAX_CONNECTIONS) {
      throw new IllegalArgumentException(
          "the embedded database's pool size must be between 1 and "
              + MAX_CONNECTIONS
              + ", got "
              + poolSize);
    }
    DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
    try {
      PasswordFile.restrictToOwner(dataDir);
      Path pgData = dataDir.resolve("pgdata");
      OrphanedPostmaster.stopIfRunning(pgData);
      PasswordFile passwordFile = new PasswordFile(dataDir.resolve(PASSWORD_FILE));
      String password = password(passwordFile, pgData);
      return new EmbeddedDatabase(
          lock, startServer(pgData, passwordFile.path(), password), password, poolSize);
    } catch (IOException | RuntimeException e) {
      lock.release();
      throw new IllegalStateException("Could not start embedded PostgreSQL in " + dataDir, e);
    }
  }

  /** The kept password, or a new one: set on an existing cluster now, or by initdb later. */
  private static String password(PasswordFile file, Path pgData) {
    if (file.exists()) {
      return file.read();
    }
    String password = PasswordFile.generate();
    if (Files.isRegularFile(pgData.resolve("postgresql.conf"))) {
      PasswordlessClusterMigration.setPassword(pgData, password);
    }
    file.write(password);
    return password;
  }

  private static EmbeddedPostgres startServer(Path pgData, Path passwordFile, String password)
      throws IOException {
    Files.createDirectories(pgData);
    return EmbeddedPostgres.builder()
        .setDataDirectory(pgData)
        .setCleanDataDirectory(false)
        // Passed to initdb as --pwfile and --auth, after (so instead of) the library's -A trust.
        .setLocaleConfig("pwfile", passwordFile.toString())
        .setLocaleConfig("auth", "scram-sha-256")
        .setDataDirectoryCustomizer(ClientAuthentication::write)
        .setConnectConfig("password", password)
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setServerConfig("unix_socket_directories", "")
        .setServerConfig("password_encryption", "scram-sha-256")
        .setServerConfig("max_connections", Integer.toString(MAX_CONNECTIONS))
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

  /** The superuser's password, kept in the data dir. */
  public String password() {
    return password;
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
