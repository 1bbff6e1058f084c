package dev.forgeflow.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The PostgreSQL journal keeps its promise under concurrent writers. */
@ExtendWith(SharedDatabase.Extension.class)
class JournalConcurrencyIT extends JournalConcurrencyContract {

  JournalConcurrencyIT(SharedDatabase database) {
    super(database.stores());
  }
}
