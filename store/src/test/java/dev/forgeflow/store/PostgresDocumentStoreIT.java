package dev.forgeflow.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The PostgreSQL document store honours the {@link DocumentStoreContract}. */
@ExtendWith(SharedDatabase.Extension.class)
class PostgresDocumentStoreIT extends DocumentStoreContract {

  PostgresDocumentStoreIT(SharedDatabase database) {
    super(database.stores());
  }
}
