package dev.forgeflow.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeflow.store.SharedDatabase;
import dev.forgeflow.store.accounts.NewUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PostgreSQL audit trail honours the {@link AuditLogContract}, and its table is append-only for
 * anyone who reaches it with SQL: no update, no delete, no truncate; its rows outlive their users.
 */
@ExtendWith(SharedDatabase.Extension.class)
class PostgresAuditLogIT extends AuditLogContract {

  private final SharedDatabase database;

  PostgresAuditLogIT(SharedDatabase database) {
    super(database.stores());
    this.database = database;
  }

  private AuditEvent anEvent() {
    String ada =
        database
            .stores()
            .accounts()
            .createUser(
                new NewUser("user-" + UUID.randomUUID().toString().substring(0, 8), null, null))
            .id();
    return database
        .stores()
        .audit()
        .record(
            new NewAuditEvent(
                ada, AuditAction.SIGNED_IN, "user", ada, null, Map.of("via", "password"), null));
  }

  @Test
  void theTableRefusesUpdatesDeletesAndTruncation() throws SQLException {
    AuditEvent event = anEvent();

    assertRefused("UPDATE audit_events SET action = 'run.created' WHERE id = ?", event.id());
    assertRefused("DELETE FROM audit_events WHERE id = ?", event.id());
    assertRefused("TRUNCATE audit_events", null);

    assertThat(trailOf(event.actorId())).containsExactly(event);
  }

  @Test
  void anEventOutlivesTheUserWhoDidIt() throws SQLException {
    AuditEvent event = anEvent();

    assertThat(execute("DELETE FROM users WHERE id = ?", event.actorId())).isEqualTo(1);

    assertThat(trailOf(event.actorId())).containsExactly(event);
  }

  @Test
  void anOperatorArchivesByLiftingTheGuardForOneTransactionOnly() throws SQLException {
    AuditEvent archived = anEvent();
    AuditEvent kept = anEvent();

    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change");
        statement.execute("DELETE FROM audit_events WHERE id = " + archived.id());
        statement.execute("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change");
      }
      connection.commit();
    }

    assertThat(trailOf(archived.actorId())).isEmpty();
    assertThat(trailOf(kept.actorId())).containsExactly(kept);
    assertRefused("DELETE FROM audit_events WHERE id = ?", kept.id());
  }

  private java.util.List<AuditEvent> trailOf(String userId) {
    return database.stores().audit().trailOf(new AuditQuery(userId, null, null, null, 10)).events();
  }

  private void assertRefused(String sql, Object parameter) {
    assertThatThrownBy(() -> execute(sql, parameter))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("audit_events is append-only");
  }

  private int execute(String sql, Object parameter) throws SQLException {
    DataSource dataSource = database.dataSource();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      if (parameter != null) {
        statement.setObject(1, parameter);
      }
      return statement.executeUpdate();
    }
  }
}
