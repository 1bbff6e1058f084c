package dev.forgeflow.gateway;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Whether the database answers within two seconds. Actuator runs blocking indicators off the event
 * loop.
 */
final class DatabaseHealth implements HealthIndicator {

  private static final int TIMEOUT_SECONDS = 2;

  private final DataSource dataSource;

  DatabaseHealth(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Health health() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(TIMEOUT_SECONDS)
          ? Health.up().build()
          : Health.down().withDetail("reason", "the connection is not valid").build();
    } catch (SQLException unreachable) {
      return Health.down().withDetail("reason", "no connection").build();
    }
  }
}
