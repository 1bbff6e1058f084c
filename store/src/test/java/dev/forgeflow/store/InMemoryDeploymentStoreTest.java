package dev.forgeflow.store;

/** The in-memory fake honours the {@link DeploymentStore} contract. */
class InMemoryDeploymentStoreTest extends DeploymentStoreContract {

  InMemoryDeploymentStoreTest() {
    super(InMemoryStores.create());
  }
}
