package dev.forgeflow.store.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The local account over the in-memory fake, and how an operating-system user is named. */
class InMemoryLocalAccountTest extends LocalAccountContract {

  InMemoryLocalAccountTest() {
    super(new InMemoryAccounts());
  }

  @Test
  void theLocalUserIsNamedAfterTheOperatingSystemUserAsAValidUsername() {
    assertThat(LocalAccount.localUsername("ada")).isEqualTo("ada");
    assertThat(LocalAccount.localUsername("Ada Lovelace")).isEqualTo("ada-lovelace");
    assertThat(LocalAccount.localUsername("_svc$")).isEqualTo("svc-");
    assertThat(LocalAccount.localUsername("x".repeat(80))).hasSize(64);
    assertThat(LocalAccount.localUsername("")).isEqualTo("local");
    assertThat(LocalAccount.localUsername(null)).isEqualTo("local");
  }
}
