package dev.forgeflow.store;

/** The in-memory fake honours the {@link ReplyLedger} contract. */
class InMemoryReplyLedgerTest extends ReplyLedgerContract {

  InMemoryReplyLedgerTest() {
    super(InMemoryStores.create());
  }
}
