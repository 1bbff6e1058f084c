package dev.forgeflow.orchestrator;

import dev.forgeflow.orchestrator.settings.InvalidSetting;
import dev.forgeflow.orchestrator.settings.SettingsCheck;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

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
  /**
   * Starts the application; a wrong setting ends the process before anything starts, with its one
   * line on standard error and exit code 2.
   */
  public static void main(String[] args) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
    try {
      SettingsCheck.check(environment);
    } catch (InvalidSetting invalid) {
      System.err.println(invalid.getMessage());
      System.exit(2);
    }
    SpringApplication.run(OrchestratorApplication.class, args);
  }
}
