package dev.forgeflow.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One migrated embedded PostgreSQL in a temporary directory, shared by every integration test of a
 * test run and removed after it. Tests keep out of each other's way by creating their own runs.
 */
public final class SharedDatabase implements ExtensionContext.Store.CloseableResource {

  private final Path directory;
  private final EmbeddedDatabase database;
  private final Stores stores;

  private SharedDatabase(Path directory) {
    this.directory = directory;
    this.database = EmbeddedDatabase.start(directory);
    Database.migrate(database.dataSource());
    this.stores = Stores.postgres(database.dataSource());
  }

  public Stores stores() {
    return stores;
  }

  public DataSource dataSource() {
    return database.dataSource();
  }

  @Override
  public void close() throws IOException {
    stores.close();
    database.close();
    deleteRecursively(directory);
  }

  static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(SharedDatabase::delete);
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Hands the shared database to test constructors, starting it on first use. */
  public static final class Extension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == SharedDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context
          .getRoot()
          .getStore(ExtensionContext.Namespace.create(SharedDatabase.class))
          .getOrComputeIfAbsent("database", key -> start(), SharedDatabase.class);
    }

    private static SharedDatabase start() {
      try {
        return new SharedDatabase(Files.createTempDirectory("forgeflow-store-it"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
