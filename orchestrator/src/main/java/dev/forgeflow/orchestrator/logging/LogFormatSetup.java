package dev.forgeflow.orchestrator.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the log format before logging starts: {@code FORGEFLOW_LOG_FORMAT=json} writes {@link
 * JsonLogFormat}, anything else {@link TextLogFormat}, to the console and to the log file, through
 * Spring Boot's structured logging ({@code logging.structured.format.*}); an explicit {@code
 * logging.structured.format.*} wins. A value that is neither is refused by the settings check.
 */
public final class LogFormatSetup implements EnvironmentPostProcessor {
  static final String SOURCE = "forgeflowLogFormat";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String format =
        Binder.get(environment).bind("forgeflow.log-format", String.class).orElse("text");
    String formatter =
        (format.strip().equals("json") ? JsonLogFormat.class : TextLogFormat.class).getName();
    Map<String, Object> chosen = new LinkedHashMap<>();
    chosen.put("logging.structured.format.console", formatter);
    chosen.put("logging.structured.format.file", formatter);
    environment.getPropertySources().addLast(new MapPropertySource(SOURCE, chosen));
  }
}
