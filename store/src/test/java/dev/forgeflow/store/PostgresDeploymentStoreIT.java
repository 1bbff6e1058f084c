package dev.forgeflow.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The PostgreSQL store honours the {@link DeploymentStore} contract. */
@ExtendWith(SharedDatabase.Extension.class)
class PostgresDeploymentStoreIT extends DeploymentStoreContract {

  PostgresDeploymentStoreIT(SharedDatabase database) {
    super(database.stores());
  }
}
