package dev.forgeflow.store;

/** The in-memory fakes honour the {@link ProjectRunsContract}. */
class InMemoryProjectRunsTest extends ProjectRunsContract {

  InMemoryProjectRunsTest() {
    super(InMemoryStores.create());
  }
}
