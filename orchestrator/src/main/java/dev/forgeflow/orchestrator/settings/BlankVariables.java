package dev.forgeflow.orchestrator.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A {@code FORGEFLOW_*} variable set to nothing (or spaces) is as good as unset, so its setting
 * keeps its default: {@code FORGEFLOW_LLM_TIMEOUT_SECONDS=} in a compose file means 120 seconds,
 * not a start-up refused for "not a whole number".
 */
public final class BlankVariables implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    hide(environment);
  }

  /** Takes blank {@code FORGEFLOW_*} variables out of {@code environment}'s variables. */
  static void hide(ConfigurableEnvironment environment) {
    String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
    PropertySource<?> variables = environment.getPropertySources().get(name);
    if (!(variables instanceof MapPropertySource source)) {
      return;
    }
    Map<String, Object> kept = new LinkedHashMap<>(source.getSource());
    boolean blank =
        kept.entrySet()
            .removeIf(
                e ->
                    e.getKey().startsWith(UnknownVariables.PREFIX)
                        && String.valueOf(e.getValue()).isBlank());
    if (blank) {
      environment
          .getPropertySources()
          .replace(name, new SystemEnvironmentPropertySource(name, kept));
    }
  }
}
