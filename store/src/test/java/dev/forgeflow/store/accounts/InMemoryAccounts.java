package dev.forgeflow.store.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/**
 * A fake {@link Accounts} in memory; thread-safe. Like the PostgreSQL store it keeps password
 * hashes and SHA-256 digests of tokens and session ids, never the secrets themselves.
 */
public final class InMemoryAccounts implements Accounts {

  private record StoredUser(User user, String passwordHash) {}

  private record StoredSession(Session session, OffsetDateTime revokedAt) {}

  private final Clock clock;
  private final Map<String, StoredUser> users = new LinkedHashMap<>();
  private final Map<String, ApiToken> tokensByHash = new LinkedHashMap<>();
  private final Map<String, StoredSession> sessionsByHash = new HashMap<>();

  /** Accounts timed by the system clock. */
  public InMemoryAccounts() {
    this(Clock.systemUTC());
  }

  /** Accounts timed by {@code clock}. */
  public InMemoryAccounts(Clock clock) {
    this.clock = clock;
  }

  @Override
  public User createUser(NewUser user) {
    String hash = Passwords.hash(user.password());
    synchronized (this) {
      if (findUserByName(user.username()).isPresent()) {
        throw new DuplicateUserException("The username " + user.username() + " is already taken");
      }
      if (user.email() != null && byLogin(user.email()).isPresent()) {
        throw new DuplicateUserException("The email address " + user.email() + " is already taken");
      }
      User created = new User(UUID.randomUUID().toString(), user.username(), user.email(), now());
      users.put(created.id(), new StoredUser(created, hash));
      return created;
    }
  }

  @Override
  public synchronized Optional<User> findUser(String userId) {
    return Optional.ofNullable(users.get(userId)).map(StoredUser::user);
  }

  @Override
  public synchronized Optional<User> findUserByName(String username) {
    return users.values().stream()
        .map(StoredUser::user)
        .filter(u -> u.username().equalsIgnoreCase(username))
        .findFirst();
  }

  @Override
  public synchronized Optional<User> findUserByLogin(String login) {
    return login == null ? Optional.empty() : byLogin(login).map(StoredUser::user);
  }

  @Override
  public Optional<User> verifyPassword(String login, String password) {
    Optional<StoredUser> stored;
    synchronized (this) {
      stored = login == null ? Optional.empty() : byLogin(login);
    }
    String hash = stored.map(StoredUser::passwordHash).orElse(null);
    return Passwords.matches(password, hash) ? stored.map(StoredUser::user) : Optional.empty();
  }

  @Override
  public synchronized IssuedToken issueToken(String userId, String name) {
    String tokenName = AccountRules.checkTokenName(name);
    requireUser(userId);
    String secret = Secrets.newToken();
    ApiToken token =
        new ApiToken(
            UUID.randomUUID().toString(),
            userId,
            tokenName,
            Secrets.shownPart(secret),
            now(),
            null,
            null);
    tokensByHash.put(Secrets.sha256(secret), token);
    return new IssuedToken(token, secret);
  }

  @Override
  public synchronized List<ApiToken> tokens(String userId) {
    List<ApiToken> tokens =
        new ArrayList<>(
            tokensByHash.values().stream().filter(t -> t.userId().equals(userId)).toList());
    Collections.reverse(tokens);
    tokens.sort(Comparator.comparing(ApiToken::createdAt).reversed());
    return List.copyOf(tokens);
  }

  @Override
  public synchronized boolean revokeToken(String userId, String tokenId) {
    for (Map.Entry<String, ApiToken> entry : tokensByHash.entrySet()) {
      ApiToken t = entry.getValue();
      if (t.id().equals(tokenId) && t.userId().equals(userId)) {
        OffsetDateTime revokedAt = t.revokedAt() == null ? now() : t.revokedAt();
        entry.setValue(
            new ApiToken(
                t.id(),
                t.userId(),
                t.name(),
                t.prefix(),
                t.createdAt(),
                t.lastUsedAt(),
                revokedAt));
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized Optional<User> authenticateToken(String token) {
    if (!Secrets.looksLikeToken(token)) {
      return Optional.empty();
    }
    String hash = Secrets.sha256(token);
    ApiToken t = tokensByHash.get(hash);
    if (t == null || !t.active()) {
      return Optional.empty();
    }
    tokensByHash.put(
        hash, new ApiToken(t.id(), t.userId(), t.name(), t.prefix(), t.createdAt(), now(), null));
    return findUser(t.userId());
  }

  @Override
  public synchronized IssuedSession createSession(String userId, Duration lifetime) {
    AccountRules.checkLifetime(lifetime);
    requireUser(userId);
    String id = Secrets.newSessionId();
    OffsetDateTime now = now();
    Session session = new Session(userId, now, now.plus(lifetime));
    sessionsByHash.put(Secrets.sha256(id), new StoredSession(session, null));
    return new IssuedSession(id, session);
  }

  @Override
  public synchronized Optional<Session> findSession(String sessionId) {
    if (sessionId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(sessionsByHash.get(Secrets.sha256(sessionId)))
        .filter(s -> s.revokedAt() == null && s.session().expiresAt().isAfter(now()))
        .map(StoredSession::session);
  }

  @Override
  public synchronized void revokeSession(String sessionId) {
    if (sessionId == null) {
      return;
    }
    sessionsByHash.computeIfPresent(
        Secrets.sha256(sessionId),
        (hash, s) -> s.revokedAt() == null ? new StoredSession(s.session(), now()) : s);
  }

  private Optional<StoredUser> byLogin(String login) {
    String key = login.toLowerCase(Locale.ROOT);
    return users.values().stream()
        .filter(
            s ->
                s.user().username().toLowerCase(Locale.ROOT).equals(key)
                    || (s.user().email() != null
                        && s.user().email().toLowerCase(Locale.ROOT).equals(key)))
        .findFirst();
  }

  private void requireUser(String userId) {
    if (userId == null || !users.containsKey(userId)) {
      throw new NoSuchElementException("No user " + userId);
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
  }
}
