package dev.forgeflow.store.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What every {@link Accounts} promises; run against each implementation. */
abstract class AccountsContract {

  static final String PASSWORD = "correct horse battery staple";

  protected final Accounts accounts;
  protected final MutableClock clock;

  /** Runs the contract over the accounts {@code create} makes, timed by the given clock. */
  protected AccountsContract(Function<Clock, Accounts> create) {
    this.clock = new MutableClock();
    this.accounts = create.apply(clock);
  }

  /** A username no other test uses (the PostgreSQL tests share one database). */
  static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  protected User newUser(String name) {
    String username = unique(name);
    return accounts.createUser(new NewUser(username, username + "@example.org", PASSWORD));
  }

  @Test
  void createdUserIsFoundByIdAndByNameWhateverItsCase() {
    String username = unique("Ada");
    User ada = accounts.createUser(new NewUser(username, "Ada@Example.org", PASSWORD));

    assertThat(UUID.fromString(ada.id()).toString()).isEqualTo(ada.id());
    assertThat(ada.username()).isEqualTo(username);
    assertThat(ada.email()).isEqualTo("Ada@Example.org");
    assertThat(ada.createdAt().toInstant()).isEqualTo(clock.instant());
    assertThat(accounts.findUser(ada.id())).contains(ada);
    assertThat(accounts.findUserByName(username.toUpperCase())).contains(ada);
    assertThat(accounts.findUser("no-such-user")).isEmpty();
  }

  @Test
  void aUserIsFoundByUsernameOrEmailWhateverTheirCase() {
    User grace = newUser("Grace");

    assertThat(accounts.findUserByLogin(grace.username().toLowerCase())).contains(grace);
    assertThat(accounts.findUserByLogin(grace.email().toUpperCase())).contains(grace);
    assertThat(accounts.findUserByLogin(unique("nobody"))).isEmpty();
    assertThat(accounts.findUserByLogin(null)).isEmpty();
  }

  @Test
  void aUsernameTakenInAnyCaseIsRefused() {
    User ada = newUser("ada");

    assertThatThrownBy(
            () -> accounts.createUser(new NewUser(ada.username().toUpperCase(), null, PASSWORD)))
        .isInstanceOf(DuplicateUserException.class)
        .hasMessageContaining("username")
        .hasMessageContaining("already taken");
  }

  @Test
  void anEmailTakenInAnyCaseIsRefused() {
    User ada = newUser("ada");

    assertThatThrownBy(
            () ->
                accounts.createUser(
                    new NewUser(unique("other"), ada.email().toUpperCase(), PASSWORD)))
        .isInstanceOf(DuplicateUserException.class)
        .hasMessageContaining("email address");
  }

  @Test
  void badNamesAddressesAndPasswordsAreRefusedWithAClearMessage() {
    assertThatThrownBy(() -> new NewUser("", null, PASSWORD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("username");
    assertThatThrownBy(() -> new NewUser("ada lovelace", null, PASSWORD))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NewUser("ada", "not-an-address", PASSWORD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("email");
    assertThatThrownBy(() -> new NewUser("ada", null, "short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("8 to 1024");
    assertThat(new NewUser("ada", null, PASSWORD).toString()).doesNotContain(PASSWORD);
  }

  @Test
  void theRightPasswordSignsInByUsernameOrEmailWhateverTheCase() {
    User ada = newUser("ada");

    assertThat(accounts.verifyPassword(ada.username(), PASSWORD)).contains(ada);
    assertThat(accounts.verifyPassword(ada.email().toUpperCase(), PASSWORD)).contains(ada);
  }

  @Test
  void aWrongPasswordOrAnUnknownUserSignsInNobody() {
    User ada = newUser("ada");

    assertThat(accounts.verifyPassword(ada.username(), PASSWORD + "!")).isEmpty();
    assertThat(accounts.verifyPassword(ada.username(), "")).isEmpty();
    assertThat(accounts.verifyPassword(ada.username(), null)).isEmpty();
    assertThat(accounts.verifyPassword(ada.username(), "x".repeat(5000))).isEmpty();
    assertThat(accounts.verifyPassword(unique("nobody"), PASSWORD)).isEmpty();
    assertThat(accounts.verifyPassword(null, PASSWORD)).isEmpty();
  }

  @Test
  void aUserWithoutPasswordCannotSignInWithOne() {
    User local = accounts.createUser(new NewUser(unique("local"), null, null));

    assertThat(accounts.verifyPassword(local.username(), "")).isEmpty();
    assertThat(accounts.verifyPassword(local.username(), PASSWORD)).isEmpty();
  }

  @Test
  void refusingAnUnknownUserTakesAsLongAsRefusingAWrongPassword() {
    User ada = newUser("ada");
    accounts.verifyPassword(ada.username(), "warm-up");

    long wrongPassword = medianNanos(() -> accounts.verifyPassword(ada.username(), "wrong one"));
    long unknownUser = medianNanos(() -> accounts.verifyPassword(unique("nobody"), "wrong one"));

    // Without a hash to check, a refusal would take a database round trip, not a slow KDF.
    assertThat(unknownUser).isGreaterThan(wrongPassword / 2);
  }

  private static long medianNanos(Runnable action) {
    long[] nanos = new long[7];
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      action.run();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos[nanos.length / 2];
  }

  @Test
  void anIssuedTokenAuthenticatesItsOwnerUntilRevoked() {
    User ada = newUser("ada");
    IssuedToken issued = accounts.issueToken(ada.id(), "laptop");

    assertThat(issued.secret()).startsWith("ffp_").hasSize(4 + 43);
    assertThat(accounts.authenticateToken(issued.secret())).contains(ada);

    assertThat(accounts.revokeToken(ada.id(), issued.token().id())).isTrue();

    assertThat(accounts.authenticateToken(issued.secret())).isEmpty();
    assertThat(accounts.tokens(ada.id()).get(0).active()).isFalse();
  }

  @Test
  void authenticatingMovesTheTokensLastUseToNow() {
    User ada = newUser("ada");
    IssuedToken issued = accounts.issueToken(ada.id(), "laptop");
    assertThat(accounts.tokens(ada.id()).get(0).lastUsedAt()).isNull();

    clock.advance(Duration.ofMinutes(5));
    accounts.authenticateToken(issued.secret());
    assertThat(accounts.tokens(ada.id()).get(0).lastUsedAt().toInstant())
        .isEqualTo(clock.instant());

    clock.advance(Duration.ofHours(2));
    accounts.authenticateToken(issued.secret());
    assertThat(accounts.tokens(ada.id()).get(0).lastUsedAt().toInstant())
        .isEqualTo(clock.instant());
  }

  @Test
  void tokensAreListedNewestFirstWithTheirPrefixButNoSecret() {
    User ada = newUser("ada");
    IssuedToken laptop = accounts.issueToken(ada.id(), "laptop");
    clock.advance(Duration.ofSeconds(1));
    IssuedToken ci = accounts.issueToken(ada.id(), "  ci  ");

    List<ApiToken> tokens = accounts.tokens(ada.id());

    assertThat(tokens).extracting(ApiToken::name).containsExactly("ci", "laptop");
    assertThat(tokens).containsExactly(ci.token(), laptop.token());
    assertThat(tokens.get(0).prefix()).hasSize(10).isEqualTo(ci.secret().substring(0, 10));
    assertThat(tokens.toString()).doesNotContain(ci.secret(), laptop.secret());
    assertThat(ci.toString()).doesNotContain(ci.secret());
    assertThat(accounts.tokens(newUser("bob").id())).isEmpty();
  }

  @Test
  void someoneElsesTokenCannotBeRevoked() {
    User ada = newUser("ada");
    User bob = newUser("bob");
    IssuedToken issued = accounts.issueToken(ada.id(), "laptop");

    assertThat(accounts.revokeToken(bob.id(), issued.token().id())).isFalse();
    assertThat(accounts.revokeToken(ada.id(), "no-such-token")).isFalse();
    assertThat(accounts.authenticateToken(issued.secret())).contains(ada);
  }

  @Test
  void revokingTwiceKeepsTheFirstRevocationTime() {
    User ada = newUser("ada");
    IssuedToken issued = accounts.issueToken(ada.id(), "laptop");
    accounts.revokeToken(ada.id(), issued.token().id());
    clock.advance(Duration.ofMinutes(1));

    assertThat(accounts.revokeToken(ada.id(), issued.token().id())).isTrue();
    assertThat(accounts.tokens(ada.id()).get(0).revokedAt().toInstant())
        .isEqualTo(clock.instant().minus(Duration.ofMinutes(1)));
  }

  @Test
  void unknownAndMalformedTokensAuthenticateNobody() {
    User ada = newUser("ada");
    String secret = accounts.issueToken(ada.id(), "laptop").secret();
    String other = secret.substring(0, secret.length() - 1) + (secret.endsWith("A") ? "B" : "A");

    assertThat(accounts.authenticateToken(other)).isEmpty();
    assertThat(accounts.authenticateToken(secret.substring(4))).isEmpty();
    assertThat(accounts.authenticateToken("")).isEmpty();
    assertThat(accounts.authenticateToken(null)).isEmpty();
  }

  @Test
  void tokensAreIssuedOnlyToUsersAndWithAName() {
    assertThatThrownBy(() -> accounts.issueToken("no-such-user", "laptop"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("no-such-user");
    String ada = newUser("ada").id();
    assertThatThrownBy(() -> accounts.issueToken(ada, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> accounts.issueToken(ada, "x".repeat(101)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSessionIsFoundUntilItExpires() {
    User ada = newUser("ada");
    IssuedSession issued = accounts.createSession(ada.id(), Duration.ofHours(8));

    assertThat(issued.id())
        .hasSize(43)
        .isNotEqualTo(accounts.createSession(ada.id(), Duration.ofHours(8)).id());
    assertThat(issued.toString()).doesNotContain(issued.id());
    Session found = accounts.findSession(issued.id()).orElseThrow();
    assertThat(found.userId()).isEqualTo(ada.id());
    assertThat(found.expiresAt().toInstant()).isEqualTo(clock.instant().plus(Duration.ofHours(8)));

    clock.advance(Duration.ofHours(8).minusSeconds(1));
    assertThat(accounts.findSession(issued.id())).isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(accounts.findSession(issued.id())).isEmpty();
  }

  @Test
  void aRevokedSessionIsNotFound() {
    User ada = newUser("ada");
    IssuedSession kept = accounts.createSession(ada.id(), Duration.ofHours(1));
    IssuedSession ended = accounts.createSession(ada.id(), Duration.ofHours(1));

    accounts.revokeSession(ended.id());
    accounts.revokeSession(ended.id());
    accounts.revokeSession("no-such-session");
    accounts.revokeSession(null);

    assertThat(accounts.findSession(ended.id())).isEmpty();
    assertThat(accounts.findSession(kept.id())).isPresent();
    assertThat(accounts.findSession("no-such-session")).isEmpty();
    assertThat(accounts.findSession(null)).isEmpty();
  }

  @Test
  void sessionsAreOnlyForUsersAndLastAWhile() {
    assertThatThrownBy(() -> accounts.createSession("no-such-user", Duration.ofHours(1)))
        .isInstanceOf(NoSuchElementException.class);
    String ada = newUser("ada").id();
    assertThatThrownBy(() -> accounts.createSession(ada, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lifetime");
  }
}
