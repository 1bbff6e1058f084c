package dev.forgeflow.store.accounts;

/** The in-memory fake honours the {@link Accounts} contract. */
class InMemoryAccountsTest extends AccountsContract {

  InMemoryAccountsTest() {
    super(InMemoryAccounts::new);
  }
}
