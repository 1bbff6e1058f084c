package dev.forgeflow.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The PostgreSQL store honours the {@link ReplyLedger} contract. */
@ExtendWith(SharedDatabase.Extension.class)
class PostgresReplyLedgerIT extends ReplyLedgerContract {

  PostgresReplyLedgerIT(SharedDatabase database) {
    super(database.stores());
  }
}
