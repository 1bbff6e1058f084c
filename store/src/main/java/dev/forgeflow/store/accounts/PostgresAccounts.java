package dev.forgeflow.store.accounts;

import static dev.forgeflow.store.jooq.Tables.API_TOKENS;
import static dev.forgeflow.store.jooq.Tables.SESSIONS;
import static dev.forgeflow.store.jooq.Tables.USERS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.lower;

import dev.forgeflow.store.jooq.tables.records.ApiTokensRecord;
import dev.forgeflow.store.jooq.tables.records.UsersRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/** Accounts in the {@code users}, {@code api_tokens} and {@code sessions} tables. */
final class PostgresAccounts implements Accounts {

  private static final String UNIQUE_VIOLATION = "23505";

  private final DSLContext db;
  private final Clock clock;

  PostgresAccounts(DataSource dataSource, Clock clock) {
    this.db = DSL.using(dataSource, SQLDialect.POSTGRES);
    this.clock = clock;
  }

  @Override
  public User createUser(NewUser user) {
    refuseDuplicate(user);
    UsersRecord row = db.newRecord(USERS);
    row.setId(UUID.randomUUID().toString());
    row.setUsername(user.username());
    row.setEmail(user.email());
    row.setPasswordHash(Passwords.hash(user.password()));
    row.setCreatedAt(now());
    try {
      row.insert();
    } catch (DataAccessException e) {
      if (UNIQUE_VIOLATION.equals(e.sqlState())) {
        // Someone signed up with the same name or address between the check and the insert.
        throw new DuplicateUserException("That username or email address is already taken");
      }
      throw e;
    }
    return toUser(row);
  }

  private void refuseDuplicate(NewUser user) {
    if (findUserByName(user.username()).isPresent()) {
      throw new DuplicateUserException("The username " + user.username() + " is already taken");
    }
    if (user.email() != null
        && db.fetchExists(USERS, lower(USERS.EMAIL).eq(lower(DSL.val(user.email()))))) {
      throw new DuplicateUserException("The email address " + user.email() + " is already taken");
    }
  }

  @Override
  public Optional<User> findUser(String userId) {
    return db.selectFrom(USERS).where(USERS.ID.eq(userId)).fetchOptional(PostgresAccounts::toUser);
  }

  @Override
  public Optional<User> findUserByName(String username) {
    return db.selectFrom(USERS)
        .where(lower(USERS.USERNAME).eq(lower(DSL.val(username))))
        .fetchOptional(PostgresAccounts::toUser);
  }

  @Override
  public Optional<User> findUserByLogin(String login) {
    return login == null
        ? Optional.empty()
        : db.selectFrom(USERS)
            .where(lower(USERS.USERNAME).eq(lower(DSL.val(login))))
            .or(lower(USERS.EMAIL).eq(lower(DSL.val(login))))
            .fetchOptional(PostgresAccounts::toUser);
  }

  @Override
  public Optional<User> verifyPassword(String login, String password) {
    Optional<UsersRecord> row =
        login == null
            ? Optional.empty()
            : db.selectFrom(USERS)
                .where(lower(USERS.USERNAME).eq(lower(DSL.val(login))))
                .or(lower(USERS.EMAIL).eq(lower(DSL.val(login))))
                .fetchOptional();
    String hash = row.map(UsersRecord::getPasswordHash).orElse(null);
    if (!Passwords.matches(password, hash)) {
      return Optional.empty();
    }
    if (Passwords.outdated(hash)) {
      db.update(USERS)
          .set(USERS.PASSWORD_HASH, Passwords.hash(password))
          .where(USERS.ID.eq(row.get().getId()))
          .execute();
    }
    return row.map(PostgresAccounts::toUser);
  }

  @Override
  public IssuedToken issueToken(String userId, String name) {
    String tokenName = AccountRules.checkTokenName(name);
    requireUser(userId);
    String secret = Secrets.newToken();
    ApiTokensRecord row = db.newRecord(API_TOKENS);
    row.setId(UUID.randomUUID().toString());
    row.setUserId(userId);
    row.setName(tokenName);
    row.setTokenHash(Secrets.sha256(secret));
    row.setPrefix(Secrets.shownPart(secret));
    row.setCreatedAt(now());
    row.insert();
    return new IssuedToken(toToken(row), secret);
  }

  @Override
  public List<ApiToken> tokens(String userId) {
    return db.selectFrom(API_TOKENS)
        .where(API_TOKENS.USER_ID.eq(userId))
        .orderBy(API_TOKENS.CREATED_AT.desc(), API_TOKENS.ID)
        .fetch(PostgresAccounts::toToken);
  }

  @Override
  public boolean revokeToken(String userId, String tokenId) {
    return db.update(API_TOKENS)
            .set(API_TOKENS.REVOKED_AT, coalesce(API_TOKENS.REVOKED_AT, DSL.val(now())))
            .where(API_TOKENS.ID.eq(tokenId))
            .and(API_TOKENS.USER_ID.eq(userId))
            .execute()
        > 0;
  }

  @Override
  public Optional<User> authenticateToken(String token) {
    if (!Secrets.looksLikeToken(token)) {
      return Optional.empty();
    }
    return db.update(API_TOKENS)
        .set(API_TOKENS.LAST_USED_AT, now())
        .where(API_TOKENS.TOKEN_HASH.eq(Secrets.sha256(token)))
        .and(API_TOKENS.REVOKED_AT.isNull())
        .returning(API_TOKENS.USER_ID)
        .fetchOptional()
        .flatMap(used -> findUser(used.getUserId()));
  }

  @Override
  public IssuedSession createSession(String userId, Duration lifetime) {
    AccountRules.checkLifetime(lifetime);
    requireUser(userId);
    String id = Secrets.newSessionId();
    OffsetDateTime now = now();
    Session session = new Session(userId, now, now.plus(lifetime));
    db.insertInto(SESSIONS)
        .set(SESSIONS.ID_HASH, Secrets.sha256(id))
        .set(SESSIONS.USER_ID, userId)
        .set(SESSIONS.CREATED_AT, session.createdAt())
        .set(SESSIONS.EXPIRES_AT, session.expiresAt())
        .execute();
    return new IssuedSession(id, session);
  }

  @Override
  public Optional<Session> findSession(String sessionId) {
    if (sessionId == null) {
      return Optional.empty();
    }
    return db.selectFrom(SESSIONS)
        .where(SESSIONS.ID_HASH.eq(Secrets.sha256(sessionId)))
        .and(SESSIONS.REVOKED_AT.isNull())
        .and(SESSIONS.EXPIRES_AT.gt(now()))
        .fetchOptional(row -> new Session(row.getUserId(), row.getCreatedAt(), row.getExpiresAt()));
  }

  @Override
  public void revokeSession(String sessionId) {
    if (sessionId == null) {
      return;
    }
    db.update(SESSIONS)
        .set(SESSIONS.REVOKED_AT, now())
        .where(SESSIONS.ID_HASH.eq(Secrets.sha256(sessionId)))
        .and(SESSIONS.REVOKED_AT.isNull())
        .execute();
  }

  private void requireUser(String userId) {
    if (userId == null || !db.fetchExists(USERS, USERS.ID.eq(userId))) {
      throw new NoSuchElementException("No user " + userId);
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
  }

  private static User toUser(UsersRecord row) {
    return new User(row.getId(), row.getUsername(), row.getEmail(), row.getCreatedAt());
  }

  private static ApiToken toToken(ApiTokensRecord row) {
    return new ApiToken(
        row.getId(),
        row.getUserId(),
        row.getName(),
        row.getPrefix(),
        row.getCreatedAt(),
        row.getLastUsedAt(),
        row.getRevokedAt());
  }
}
