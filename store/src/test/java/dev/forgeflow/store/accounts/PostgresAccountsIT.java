package dev.forgeflow.store.accounts;

import static dev.forgeflow.store.jooq.Tables.API_TOKENS;
import static dev.forgeflow.store.jooq.Tables.SESSIONS;
import static dev.forgeflow.store.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeflow.store.SharedDatabase;
import dev.forgeflow.store.Stores;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** The PostgreSQL store honours the {@link Accounts} contract and keeps no secret in plain. */
@ExtendWith(SharedDatabase.Extension.class)
class PostgresAccountsIT extends AccountsContract {

  private final DSLContext db;
  private final Stores stores;

  PostgresAccountsIT(SharedDatabase database) {
    super(clock -> Accounts.postgres(database.dataSource(), clock));
    this.db = DSL.using(database.dataSource(), SQLDialect.POSTGRES);
    this.stores = database.stores();
  }

  @Test
  void noStoredRowHoldsAPasswordTokenOrSessionIdInPlain() {
    User ada = newUser("ada");
    IssuedToken token = accounts.issueToken(ada.id(), "laptop");
    IssuedSession session = accounts.createSession(ada.id(), Duration.ofHours(1));

    Record user = db.selectFrom(USERS).where(USERS.ID.eq(ada.id())).fetchOne();
    Record tokenRow = db.selectFrom(API_TOKENS).where(API_TOKENS.USER_ID.eq(ada.id())).fetchOne();
    Record sessionRow = db.selectFrom(SESSIONS).where(SESSIONS.USER_ID.eq(ada.id())).fetchOne();

    assertThat(user.formatJSON()).doesNotContain(PASSWORD);
    assertThat(user.get(USERS.PASSWORD_HASH)).startsWith("$argon2id$v=19$m=16384,t=2,p=1$");
    assertThat(tokenRow.formatJSON()).doesNotContain(token.secret().substring(10));
    assertThat(tokenRow.get(API_TOKENS.TOKEN_HASH)).isEqualTo(Secrets.sha256(token.secret()));
    assertThat(sessionRow.formatJSON()).doesNotContain(session.id());
    assertThat(sessionRow.get(SESSIONS.ID_HASH)).isEqualTo(Secrets.sha256(session.id()));
  }

  @Test
  void anOutdatedPasswordHashIsRedoneOnSignIn() {
    User ada = newUser("ada");
    String weak = new Argon2PasswordEncoder(16, 32, 1, 1024, 1).encode(PASSWORD);
    db.update(USERS).set(USERS.PASSWORD_HASH, weak).where(USERS.ID.eq(ada.id())).execute();

    assertThat(accounts.verifyPassword(ada.username(), PASSWORD)).contains(ada);

    String redone =
        db.select(USERS.PASSWORD_HASH)
            .from(USERS)
            .where(USERS.ID.eq(ada.id()))
            .fetchOne(USERS.PASSWORD_HASH);
    assertThat(redone).isNotEqualTo(weak).startsWith("$argon2id$v=19$m=16384,t=2,p=1$");
    assertThat(accounts.verifyPassword(ada.username(), PASSWORD)).contains(ada);
  }

  @Test
  void theStoresOfTheDatabaseHoldTheSameAccounts() {
    User ada = newUser("ada");
    IssuedToken token = accounts.issueToken(ada.id(), "laptop");

    assertThat(stores.accounts().findUser(ada.id())).contains(ada);
    assertThat(stores.accounts().authenticateToken(token.secret())).contains(ada);
  }

  @Test
  void theDatabaseItselfRefusesANameOrAddressTakenInAnotherCase() {
    User ada = newUser("ada");

    assertThatThrownBy(() -> insertUser(ada.username().toUpperCase(), null))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("users_username_idx");
    assertThatThrownBy(() -> insertUser(unique("other"), ada.email().toUpperCase()))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("users_email_idx");
  }

  private void insertUser(String username, String email) {
    db.insertInto(USERS)
        .set(USERS.ID, UUID.randomUUID().toString())
        .set(USERS.USERNAME, username)
        .set(USERS.EMAIL, email)
        .set(USERS.CREATED_AT, OffsetDateTime.now())
        .execute();
  }
}
