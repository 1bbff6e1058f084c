package dev.forgeflow.store.audit;

import dev.forgeflow.store.InMemoryStores;

/** The in-memory audit trail tests use honours the {@link AuditLogContract}. */
class InMemoryAuditLogTest extends AuditLogContract {

  InMemoryAuditLogTest() {
    super(InMemoryStores.create());
  }
}
