package dev.forgeflow.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The PostgreSQL store honours the {@link RunJournal} contract. */
@ExtendWith(SharedDatabase.Extension.class)
class PostgresRunJournalIT extends RunJournalContract {

  PostgresRunJournalIT(SharedDatabase database) {
    super(database.stores());
  }
}
