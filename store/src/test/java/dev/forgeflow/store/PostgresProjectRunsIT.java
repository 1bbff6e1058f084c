package dev.forgeflow.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The PostgreSQL stores honour the {@link ProjectRunsContract}. */
@ExtendWith(SharedDatabase.Extension.class)
class PostgresProjectRunsIT extends ProjectRunsContract {

  PostgresProjectRunsIT(SharedDatabase database) {
    super(database.stores());
  }
}
