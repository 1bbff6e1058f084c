package dev.forgeflow.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Connection pools and schema migrations. */
public final class Database {

  private static final int POOL_SIZE = 16;

  private Database() {}

  /**
   * A connection pool for the given PostgreSQL database. The returned data source is also {@link
   * java.io.Closeable}: close it on shutdown to release its connections.
   */
  public static DataSource pooled(String jdbcUrl, String user, String password) {
    return pool(jdbcUrl, user, password);
  }

  static HikariDataSource pool(String jdbcUrl, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(POOL_SIZE);
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
