package dev.forgeflow.store;

/** The in-memory fake honours the {@link BundleStore} contract. */
class InMemoryBundleStoreTest extends BundleStoreContract {

  InMemoryBundleStoreTest() {
    super(InMemoryStores.create());
  }

  @Override
  protected long storedContentCount() {
    return ((InMemoryBundleStore) bundles).blobCount();
  }
}
