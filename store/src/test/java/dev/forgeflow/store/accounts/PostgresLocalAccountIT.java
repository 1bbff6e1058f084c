package dev.forgeflow.store.accounts;

import dev.forgeflow.store.SharedDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

/** The local account over the PostgreSQL store. */
@ExtendWith(SharedDatabase.Extension.class)
class PostgresLocalAccountIT extends LocalAccountContract {

  PostgresLocalAccountIT(SharedDatabase database) {
    super(database.stores().accounts());
  }
}
