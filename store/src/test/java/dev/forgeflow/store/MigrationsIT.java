package dev.forgeflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.forgeflow.store.jooq.DefaultSchema;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migrations apply to a fresh database, and the generated code matches what they create. */
class MigrationsIT {

  @TempDir Path dataDir;

  @Test
  void migrationsApplyOnceAndTheGeneratedTablesMatchTheDatabase() {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
      Database.migrate(database.dataSource());
      Database.migrate(database.dataSource());

      MigrationInfo[] migrations =
          Flyway.configure().dataSource(database.dataSource()).load().info().all();
      assertThat(migrations).hasSizeGreaterThanOrEqualTo(5);
      assertThat(migrations)
          .extracting(MigrationInfo::getState)
          .containsOnly(MigrationState.SUCCESS);

      DSLContext db = DSL.using(database.dataSource(), SQLDialect.POSTGRES);
      assertThat(DefaultSchema.DEFAULT_SCHEMA.getTables())
          .extracting(Table::getName)
          .contains(
              "runs",
              "run_events",
              "artifacts",
              "blobs",
              "bundles",
              "bundle_files",
              "llm_calls",
              "model_replies",
              "users",
              "api_tokens",
              "sessions");
      for (Table<?> generated : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
        assertThat(columnsOf(db, generated.getName()))
            .as("columns of %s", generated.getName())
            .isEqualTo(Set.copyOf(Arrays.stream(generated.fields()).map(Field::getName).toList()));
      }
      assertThat(typeOf(db, "runs", "options")).isEqualTo("jsonb");
      assertThat(typeOf(db, "run_events", "payload")).isEqualTo("jsonb");
      assertThat(typeOf(db, "blobs", "content")).isEqualTo("bytea");
    }
  }

  private static Set<String> columnsOf(DSLContext db, String tableName) {
    return db.select(field(name("column_name"), String.class))
        .from(table(name("information_schema", "columns")))
        .where(field(name("table_schema")).eq("public"))
        .and(field(name("table_name")).eq(tableName))
        .fetchSet(field(name("column_name"), String.class));
  }

  private static String typeOf(DSLContext db, String tableName, String column) {
    return db.select(field(name("udt_name"), String.class))
        .from(table(name("information_schema", "columns")))
        .where(field(name("table_name")).eq(tableName))
        .and(field(name("column_name")).eq(column))
        .fetchOne(field(name("udt_name"), String.class));
  }
}
