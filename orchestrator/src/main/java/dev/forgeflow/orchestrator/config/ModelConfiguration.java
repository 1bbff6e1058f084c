package dev.forgeflow.orchestrator.config;

import dev.forgeflow.agents.llm.LlmSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The model, when {@code FORGEFLOW_LLM_BASE_URL} configures one; else the offline planner. */
@Configuration(proxyBeanMethods = false)
class ModelConfiguration {

  @Bean
  ModelChoice modelChoice(LlmProperties llm) {
    return new ModelChoice(LlmSettings.fromEnvironment(llm.variables()));
  }
}
