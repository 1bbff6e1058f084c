package dev.forgeflow.gateway;

import dev.forgeflow.store.Database;
import dev.forgeflow.store.Stores;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database of a gateway that runs on its own: a pool on {@code forgeflow.gateway.database.*},
 * which the orchestrator has migrated (the gateway never migrates it).
 */
@Configuration(proxyBeanMethods = false)
class GatewayDatabase {

  @Bean(destroyMethod = "close")
  DataSource gatewayDataSource(GatewaySettings settings) {
    GatewaySettings.Database db = settings.database();
    if (db == null) {
      throw new IllegalStateException(
          "Set forgeflow.gateway.database.url, .user and .password: the database to serve");
    }
    return Database.pooled(db.url(), db.user(), db.password());
  }

  @Bean(destroyMethod = "close")
  Stores stores(DataSource gatewayDataSource) {
    return Stores.postgres(gatewayDataSource);
  }
}
