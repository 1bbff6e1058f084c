package dev.forgeflow.store.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link LocalAccount#ensure} promises, over each {@link Accounts} implementation. */
abstract class LocalAccountContract {

  private final Accounts accounts;

  @TempDir Path dataDir;

  protected LocalAccountContract(Accounts accounts) {
    this.accounts = accounts;
  }

  private Path tokenFile() {
    return dataDir.resolve(LocalAccount.TOKEN_FILE);
  }

  @Test
  void firstUseCreatesTheLocalUserAndATokenFileOnlyItsOwnerCanRead() throws IOException {
    LocalAccount local = LocalAccount.ensure(dataDir, accounts);

    assertThat(local.user().username())
        .isEqualTo(LocalAccount.localUsername(System.getProperty("user.name")));
    assertThat(accounts.authenticateToken(local.token())).contains(local.user());
    assertThat(Files.readString(tokenFile()).strip()).isEqualTo(local.token());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile())))
        .isEqualTo("rw-------");
    assertThat(dataDir.resolve(LocalAccount.TOKEN_FILE + ".partial")).doesNotExist();
    assertThat(local.toString()).doesNotContain(local.token());
  }

  @Test
  void laterUseReusesTheKeptToken() {
    LocalAccount first = LocalAccount.ensure(dataDir, accounts);
    int tokens = accounts.tokens(first.user().id()).size();

    LocalAccount second = LocalAccount.ensure(dataDir, accounts);

    assertThat(second).isEqualTo(first);
    assertThat(accounts.tokens(first.user().id())).hasSize(tokens);
  }

  @Test
  void aKeptTokenThatNoLongerAuthenticatesIsReplaced() throws IOException {
    LocalAccount first = LocalAccount.ensure(dataDir, accounts);
    String firstTokenId =
        accounts.tokens(first.user().id()).stream()
            .filter(t -> first.token().startsWith(t.prefix()))
            .findFirst()
            .orElseThrow()
            .id();
    accounts.revokeToken(first.user().id(), firstTokenId);

    LocalAccount second = LocalAccount.ensure(dataDir, accounts);

    assertThat(second.user()).isEqualTo(first.user());
    assertThat(second.token()).isNotEqualTo(first.token());
    assertThat(accounts.authenticateToken(second.token())).contains(first.user());
    assertThat(Files.readString(tokenFile()).strip()).isEqualTo(second.token());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile())))
        .isEqualTo("rw-------");
  }

  @Test
  void aTokenFileOthersCouldReadIsMadeOwnerOnlyAgain() throws IOException {
    LocalAccount first = LocalAccount.ensure(dataDir, accounts);
    Files.setPosixFilePermissions(tokenFile(), PosixFilePermissions.fromString("rw-r--r--"));

    assertThat(LocalAccount.ensure(dataDir, accounts)).isEqualTo(first);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile())))
        .isEqualTo("rw-------");
  }

  @Test
  void aTokenFileWithSomethingElseInItIsReplaced() throws IOException {
    Files.writeString(tokenFile(), "not a token\n");

    LocalAccount local = LocalAccount.ensure(dataDir, accounts);

    assertThat(accounts.authenticateToken(local.token())).contains(local.user());
    assertThat(Files.readString(tokenFile()).strip()).isEqualTo(local.token());
  }
}
