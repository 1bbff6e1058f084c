package dev.forgeflow.cli;

import dev.forgeflow.store.Database;
import dev.forgeflow.store.EmbeddedDatabase;
import dev.forgeflow.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The store alone, for commands that read runs and must not start workers (which would pick up and
 * continue interrupted runs): the embedded PostgreSQL of the locked data dir, or the external one
 * {@code FORGEFLOW_DATABASE_URL} names.
 */
final class StoreOnly implements AutoCloseable {
  private final DataDir dataDir;
  private final AutoCloseable database;
  private final Stores stores;

  private StoreOnly(DataDir dataDir, AutoCloseable database, Stores stores) {
    this.dataDir = dataDir;
    this.database = database;
    this.stores = stores;
  }

  /** Opens the store; empty when the data dir has never held one (nothing has run yet). */
  static java.util.Optional<StoreOnly> open() {
    DataDir dataDir = DataDir.lock(DataDir.location());
    try {
      String url = System.getenv("FORGEFLOW_DATABASE_URL");
      DataSource dataSource;
      AutoCloseable database;
      if (url != null && !url.isBlank()) {
        dataSource =
            Database.pooled(
                url.strip(),
                orEmpty(System.getenv("FORGEFLOW_DATABASE_USER")),
                orEmpty(System.getenv("FORGEFLOW_DATABASE_PASSWORD")));
        database = (AutoCloseable) dataSource;
      } else {
        Path postgres = dataDir.path().resolve("postgres");
        if (!Files.isDirectory(postgres.resolve("pgdata"))) {
          dataDir.close();
          return java.util.Optional.empty();
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(postgres);
        dataSource = embedded.dataSource();
        database = embedded;
      }
      Database.migrate(dataSource);
      return java.util.Optional.of(new StoreOnly(dataDir, database, Stores.postgres(dataSource)));
    } catch (RuntimeException failed) {
      LeftoverPostgres.stop(dataDir.path());
      dataDir.close();
      throw failed;
    }
  }

  Stores stores() {
    return stores;
  }

  Path dataDir() {
    return dataDir.path();
  }

  @Override
  public void close() {
    try {
      stores.close();
      database.close();
    } catch (Exception e) {
      throw new IllegalStateException("Could not close the store", e);
    } finally {
      LeftoverPostgres.stop(dataDir.path());
      dataDir.close();
    }
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
