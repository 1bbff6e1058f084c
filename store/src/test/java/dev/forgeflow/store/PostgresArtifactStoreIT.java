package dev.forgeflow.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The PostgreSQL store honours the {@link ArtifactStore} contract. */
@ExtendWith(SharedDatabase.Extension.class)
class PostgresArtifactStoreIT extends ArtifactStoreContract {

  PostgresArtifactStoreIT(SharedDatabase database) {
    super(database.stores());
  }
}
