package dev.forgeflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server admits only its own password over loopback, never trust. */
class EmbeddedDatabaseAuthenticationIT {

  @TempDir Path dataDir;

  @Test
  void connectionsWithoutThePasswordAreRefused() {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
      assertThat(database.password()).hasSizeGreaterThanOrEqualTo(40);

      assertThatThrownBy(() -> connect(database.jdbcUrl(), null))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password");
      assertThatThrownBy(() -> connect(database.jdbcUrl(), "postgres"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password authentication failed");
      assertThatThrownBy(() -> connect(database.jdbcUrl(), database.password() + "x"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password authentication failed");
    }
  }

  @Test
  void thePasswordIsKeptOwnerOnlyAndServesEveryLaterStart() throws Exception {
    String first;
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
      first = database.password();
    }
    Path file = dataDir.resolve("postgres.password");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
        .isEqualTo("rwx------");
    assertThat(Files.readString(file).strip()).isEqualTo(first);

    try (EmbeddedDatabase restarted = EmbeddedDatabase.start(dataDir);
        Connection connection = connect(restarted.jdbcUrl(), first)) {
      assertThat(restarted.password()).isEqualTo(first);
      assertThat(connection.isValid(5)).isTrue();
    }
  }

  @Test
  void theServerListensOnLoopbackOnlyWithNoSocketAndNoTrustRule() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
        Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      assertThat(setting(statement, "listen_addresses")).isEqualTo("127.0.0.1");
      assertThat(setting(statement, "unix_socket_directories")).isEmpty();
      assertThat(hbaRules(statement)).containsExactly("host {all} {all} 127.0.0.1 scram-sha-256");
    }
  }

  @Test
  void aClusterCreatedWithTrustIsGivenAPasswordAndKeepsItsData() throws Exception {
    Path pgData = dataDir.resolve("pgdata");
    Files.createDirectories(pgData);
    try (EmbeddedPostgres legacy =
            EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start();
        Connection connection = legacy.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create table kept (value text); insert into kept values ('before')");
    }

    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
        Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet kept = statement.executeQuery("select value from kept")) {
      assertThat(kept.next()).isTrue();
      assertThat(kept.getString(1)).isEqualTo("before");
      assertThatThrownBy(() -> connect(database.jdbcUrl(), null)).isInstanceOf(SQLException.class);
      assertThat(Files.exists(dataDir.resolve("postgres.password"))).isTrue();
    }
  }

  private static Connection connect(String jdbcUrl, String password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "postgres");
    if (password != null) {
      properties.setProperty("password", password);
    }
    return DriverManager.getConnection(jdbcUrl, properties);
  }

  private static String setting(Statement statement, String name) throws SQLException {
    try (ResultSet row = statement.executeQuery("show " + name)) {
      row.next();
      return row.getString(1);
    }
  }

  private static List<String> hbaRules(Statement statement) throws SQLException {
    List<String> rules = new ArrayList<>();
    try (ResultSet row =
        statement.executeQuery(
            "select type, database, user_name, address, auth_method, error"
                + " from pg_hba_file_rules")) {
      while (row.next()) {
        rules.add(
            String.join(
                " ",
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5)));
      }
    }
    return rules;
  }
}
