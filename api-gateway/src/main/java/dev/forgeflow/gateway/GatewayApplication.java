package dev.forgeflow.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The gateway as a Spring Boot application. It reads and follows a database the orchestrator has
 * migrated; it never migrates it itself, so Spring Boot's own Flyway and jOOQ set-up stay off, and
 * its users are Forgeflow's accounts, so Spring Security's generated in-memory user stays off too.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
    excludeName = {
      "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
      "org.springframework.boot.autoconfigure.jooq.JooqAutoConfiguration",
      "org.springframework.boot.autoconfigure.security.reactive.ReactiveUserDetailsServiceAutoConfiguration"
    })
@Import({GatewayConfiguration.class, GatewayDatabase.class, WithoutWorkflows.class})
public class GatewayApplication {

  public static void main(String[] args) {
    SpringApplication.run(GatewayApplication.class, args);
  }
}
