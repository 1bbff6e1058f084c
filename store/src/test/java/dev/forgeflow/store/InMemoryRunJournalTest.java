package dev.forgeflow.store;

/** The in-memory fake honours the {@link RunJournal} contract. */
class InMemoryRunJournalTest extends RunJournalContract {

  InMemoryRunJournalTest() {
    super(InMemoryStores.create());
  }
}
