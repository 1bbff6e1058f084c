package dev.forgeflow.orchestrator.config;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The management server, when {@code FORGEFLOW_MANAGEMENT_PORT} asks for one: Spring Boot's
 * actuator on its own port and address ({@code FORGEFLOW_MANAGEMENT_ADDRESS}, loopback by default),
 * serving {@code /actuator/prometheus} and {@code /actuator/health}. The public API's port then
 * serves no actuator endpoint but health (the gateway answers it there itself). Without a port,
 * nothing but health is exposed, on the public port as before.
 */
public final class ManagementSetup
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  static final String SOURCE = "forgeflowManagement";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment environment = context.getEnvironment();
    if (environment.getPropertySources().contains(SOURCE)) {
      return;
    }
    ForgeflowProperties properties =
        Binder.get(environment).bindOrCreate("forgeflow", ForgeflowProperties.class);
    if (properties.managementPort() == null) {
      return;
    }
    // last: an explicit management.* setting still wins; the gateway's defaults, added later, don't
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                SOURCE,
                Map.of(
                    "management.server.port", properties.managementPort(),
                    "management.server.address", properties.managementAddress(),
                    "management.endpoints.web.exposure.include", "health,prometheus")));
  }
}
