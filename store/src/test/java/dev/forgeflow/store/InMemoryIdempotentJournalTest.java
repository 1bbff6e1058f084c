package dev.forgeflow.store;

/** The in-memory fake keeps each fact key once, like the PostgreSQL journal. */
class InMemoryIdempotentJournalTest extends IdempotentJournalContract {

  InMemoryIdempotentJournalTest() {
    super(InMemoryStores.create());
  }
}
