package dev.forgeflow.store;

/** The in-memory fake keeps the journal's promise under concurrent writers. */
class InMemoryJournalConcurrencyTest extends JournalConcurrencyContract {

  InMemoryJournalConcurrencyTest() {
    super(InMemoryStores.create());
  }
}
