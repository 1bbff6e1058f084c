package dev.forgeflow.store;

import static dev.forgeflow.store.jooq.Tables.BLOBS;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.extension.ExtendWith;

/** The PostgreSQL store honours the {@link BundleStore} contract; contents are rows of blobs. */
@ExtendWith(SharedDatabase.Extension.class)
class PostgresBundleStoreIT extends BundleStoreContract {

  private final DSLContext db;

  PostgresBundleStoreIT(SharedDatabase database) {
    super(database.stores());
    this.db = DSL.using(database.dataSource(), SQLDialect.POSTGRES);
  }

  @Override
  protected long storedContentCount() {
    return db.fetchCount(BLOBS);
  }
}
