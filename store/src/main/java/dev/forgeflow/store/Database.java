package dev.forgeflow.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Connection pools and schema migrations. */
public final class Database {

  /** Connections a pool opens at most unless told otherwise. */
  public static final int DEFAULT_POOL_SIZE = 16;

  private Database() {}

  /**
   * A connection pool of {@link #DEFAULT_POOL_SIZE} for the given PostgreSQL database. The returned
   * data source is also {@link java.io.Closeable}: close it on shutdown to release its connections.
   */
  public static DataSource pooled(String jdbcUrl, String user, String password) {
    return pool(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
  }

  /**
   * A connection pool of at most {@code poolSize} connections for the given PostgreSQL database;
   * close the returned data source on shutdown, as with {@link #pooled(String, String, String)}.
   */
  public static DataSource pooled(String jdbcUrl, String user, String password, int poolSize) {
    return pool(jdbcUrl, user, password, poolSize);
  }

  static HikariDataSource pool(String jdbcUrl, String user, String password, int poolSize) {
    if (poolSize < 1) {
      throw new IllegalArgumentException("a pool needs at least one connection, got " + poolSize);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("forgeflow-store");
    return new HikariDataSource(config);
  }

  /**
   * Brings the schema up to date with the migrations in {@code db/migration}. Safe to call on every
   * start: applied migrations are skipped, and concurrent callers wait for each other.
   */
  public static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }
}
