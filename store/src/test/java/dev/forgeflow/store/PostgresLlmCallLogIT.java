package dev.forgeflow.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The PostgreSQL store honours the {@link LlmCallLog} contract. */
@ExtendWith(SharedDatabase.Extension.class)
class PostgresLlmCallLogIT extends LlmCallLogContract {

  PostgresLlmCallLogIT(SharedDatabase database) {
    super(database.stores());
  }
}
