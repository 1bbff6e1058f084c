package dev.forgeflow.orchestrator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * One application for every role: the pipeline and its agents, the sandbox, and, as a reactive web
 * server, the api-gateway.
 */
@SpringBootApplication(
    excludeName = {
      // the stores migrate and wrap the database themselves
      "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
      "org.springframework.boot.autoconfigure.jooq.JooqAutoConfiguration",
      // the gateway's users are Forgeflow's accounts, not a generated in-memory user
      "org.springframework.boot.autoconfigure.security.reactive.ReactiveUserDetailsServiceAutoConfiguration"
    })
@ConfigurationPropertiesScan
public class OrchestratorApplication {
  public static void main(String[] args) {
    SpringApplication.run(OrchestratorApplication.class, args);
  }
}
