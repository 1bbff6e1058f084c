package dev.forgeflow.orchestrator.config;

import dev.forgeflow.orchestrator.metrics.JournalMetrics;
import dev.forgeflow.store.Database;
import dev.forgeflow.store.EmbeddedDatabase;
import dev.forgeflow.store.Stores;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL: external when {@code FORGEFLOW_DATABASE_URL} is set, else embedded in the data dir.
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

  @Bean(destroyMethod = "close")
  DatabaseHandle database(ForgeflowProperties properties) {
    if (properties.embeddedDatabase()) {
      EmbeddedDatabase embedded =
          EmbeddedDatabase.start(
              properties.dataDir().resolve("postgres"), properties.databasePoolSize());
      return new DatabaseHandle(embedded.dataSource(), embedded);
    }
    DataSource pooled =
        Database.pooled(
            properties.databaseUrl(),
            properties.databaseUser(),
            properties.databasePassword(),
            properties.databasePoolSize());
    return new DatabaseHandle(pooled, pooled instanceof AutoCloseable c ? c : null);
  }

  /** The stores, with a journal that feeds the run meters ({@link JournalMetrics}). */
  @Bean(destroyMethod = "close")
  Stores stores(DatabaseHandle database, MeterRegistry registry) {
    Database.migrate(database.dataSource());
    return JournalMetrics.instrument(Stores.postgres(database.dataSource()), registry);
  }

  /** The sandbox runners and the runs placed on them; after the schema is migrated. */
  @Bean
  dev.forgeflow.store.SandboxHosts sandboxHosts(DatabaseHandle database, Stores migrated) {
    return new dev.forgeflow.store.PostgresSandboxHosts(
        org.jooq.impl.DSL.using(database.dataSource(), org.jooq.SQLDialect.POSTGRES));
  }

  /** A data source and what must be closed to release it. */
  public record DatabaseHandle(DataSource dataSource, AutoCloseable owner)
      implements AutoCloseable {
    @Override
    public void close() throws Exception {
      if (owner != null) {
        owner.close();
      }
    }
  }
}
