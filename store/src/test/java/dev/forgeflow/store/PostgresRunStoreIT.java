package dev.forgeflow.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The PostgreSQL store honours the {@link RunStore} contract. */
@ExtendWith(SharedDatabase.Extension.class)
class PostgresRunStoreIT extends RunStoreContract {

  PostgresRunStoreIT(SharedDatabase database) {
    super(database.stores());
  }
}
