package dev.forgeflow.store;

/** The in-memory fake honours the {@link ArtifactStore} contract. */
class InMemoryArtifactStoreTest extends ArtifactStoreContract {

  InMemoryArtifactStoreTest() {
    super(InMemoryStores.create());
  }
}
