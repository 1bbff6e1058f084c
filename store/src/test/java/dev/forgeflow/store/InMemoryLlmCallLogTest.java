package dev.forgeflow.store;

/** The in-memory fake honours the {@link LlmCallLog} contract. */
class InMemoryLlmCallLogTest extends LlmCallLogContract {

  InMemoryLlmCallLogTest() {
    super(InMemoryStores.create());
  }
}
