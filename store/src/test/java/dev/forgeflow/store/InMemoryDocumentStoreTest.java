package dev.forgeflow.store;

/** The in-memory document store tests use honours the {@link DocumentStoreContract}. */
class InMemoryDocumentStoreTest extends DocumentStoreContract {

  InMemoryDocumentStoreTest() {
    super(InMemoryStores.create());
  }
}
