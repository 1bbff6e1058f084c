package dev.forgeflow.store.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Users, their personal API tokens and their browser sessions. Nothing secret is kept in plain:
 * passwords as Argon2id hashes, tokens and session ids as their SHA-256. Bad input throws {@link
 * IllegalArgumentException} with a message fit for the client; a failed sign-in is an empty result,
 * never an exception, and does not say whether the user exists.
 */
public interface Accounts {

  /** The accounts in PostgreSQL, timed by the system clock; the schema must be migrated first. */
  static Accounts postgres(DataSource dataSource) {
    return postgres(dataSource, Clock.systemUTC());
  }

  /** The accounts in PostgreSQL, timed by {@code clock} (tokens' and sessions' times). */
  static Accounts postgres(DataSource dataSource, Clock clock) {
    return new PostgresAccounts(dataSource, clock);
  }

  /**
   * Creates a user with a new random id, its password (if any) hashed.
   *
   * @throws DuplicateUserException if the username or email is taken, whatever its case
   */
  User createUser(NewUser user);

  /** The user with this id, or empty. */
  Optional<User> findUser(String userId);

  /** The user with this username, whatever its case, or empty. */
  Optional<User> findUserByName(String username);

  /** The user whose username or email address is {@code login}, whatever its case, or empty. */
  Optional<User> findUserByLogin(String login);

  /**
   * The user whose username or email is {@code login} (whatever its case) if {@code password} is
   * theirs; otherwise empty. Takes as long for an unknown user or one without a password as for a
   * wrong password. A hash made with weaker parameters than today's is redone on success.
   */
  Optional<User> verifyPassword(String login, String password);

  /**
   * Issues a personal API token named {@code name} (1 to 100 characters) for the user.
   *
   * @return the token's listing and, this once, its secret
   * @throws java.util.NoSuchElementException if there is no such user
   */
  IssuedToken issueToken(String userId, String name);

  /** The user's tokens, revoked ones included, the newest first; no secrets. */
  List<ApiToken> tokens(String userId);

  /**
   * Revokes one of the user's tokens; it authenticates nothing from then on. Revoking it again is
   * harmless and keeps the first revocation time.
   *
   * @return false if the user has no such token (someone else's token is not theirs to revoke)
   */
  boolean revokeToken(String userId, String tokenId);

  /**
   * The owner of {@code token} if it is a valid token, and marks it used now; empty for anything
   * else (unknown, revoked, malformed).
   */
  Optional<User> authenticateToken(String token);

  /**
   * Starts a browser session for the user lasting {@code lifetime}.
   *
   * @throws java.util.NoSuchElementException if there is no such user
   */
  IssuedSession createSession(String userId, Duration lifetime);

  /** The session with this id while it is neither expired nor revoked; otherwise empty. */
  Optional<Session> findSession(String sessionId);

  /** Ends the session (signing out); an unknown or already ended session is left as it is. */
  void revokeSession(String sessionId);
}
