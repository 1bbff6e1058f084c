package dev.forgeflow.store;

/** The in-memory fake honours the {@link RunStore} contract. */
class InMemoryRunStoreTest extends RunStoreContract {

  InMemoryRunStoreTest() {
    super(InMemoryStores.create());
  }
}
