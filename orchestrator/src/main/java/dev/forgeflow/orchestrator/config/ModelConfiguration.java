package dev.forgeflow.orchestrator.config;

import dev.forgeflow.agents.llm.LlmSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The model, when {@code FORGEFLOW_LLM_BASE_URL} configures one; else the offline planner. */
@Configuration(proxyBeanMethods = false)
class ModelConfiguration {
  static final List<String> VARIABLES =
      List.of(
          "FORGEFLOW_LLM_BASE_URL",
          "FORGEFLOW_LLM_API_KEY",
          "FORGEFLOW_LLM_FALLBACK_BASE_URLS",
          "FORGEFLOW_LLM_FALLBACK_API_KEYS",
          "FORGEFLOW_LLM_MODEL",
          "FORGEFLOW_LLM_MODEL_REQUIREMENTS",
          "FORGEFLOW_LLM_MODEL_ARCHITECTURE",
          "FORGEFLOW_LLM_MODEL_IMPLEMENTER",
          "FORGEFLOW_LLM_MODEL_REVIEWER",
          "FORGEFLOW_LLM_TIMEOUT_SECONDS",
          "FORGEFLOW_LLM_PRICES");

  @Bean
  ModelChoice modelChoice(Environment environment) {
    Map<String, String> values = new HashMap<>();
    for (String name : VARIABLES) {
      String value = environment.getProperty(name);
      if (value != null && !value.isBlank()) {
        values.put(name, value);
      }
    }
    return new ModelChoice(LlmSettings.fromEnvironment(values));
  }
}
