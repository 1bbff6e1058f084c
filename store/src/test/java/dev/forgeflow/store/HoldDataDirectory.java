package dev.forgeflow.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Another process using a data directory, for {@link EmbeddedDatabaseIT}: starts the database,
 * creates a run, prints its id and holds on until its standard input closes or it is killed.
 */
final class HoldDataDirectory {

  private HoldDataDirectory() {}

  public static void main(String[] args) throws IOException {
    EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]));
    Database.migrate(database.dataSource());
    String runId = Stores.postgres(database.dataSource()).runs().create(new NewRun("held", null));
    System.out.println("run " + runId);
    System.out.flush();
    while (System.in.read() != -1) {
      // Holds the directory until told to stop.
    }
    database.close();
  }
}
