package dev.forgeflow.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The PostgreSQL journal keeps each fact key once, with no gap, under racing writers. */
@ExtendWith(SharedDatabase.Extension.class)
class IdempotentJournalIT extends IdempotentJournalContract {

  IdempotentJournalIT(SharedDatabase database) {
    super(database.stores());
  }
}
