package dev.forgeflow.agents.llm;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the models.
 *
 * @param endpoints the fallback chain; the first is the primary
 * @param defaultModel the model used when neither the run nor the agent names one
 * @param modelByAgent per-agent models, keyed by agent name ({@code requirements}, …)
 * @param timeout the limit for one call to one endpoint
 * @param prices per-model prices, keyed by model name
 */
public record LlmSettings(
    List<LlmEndpoint> endpoints,
    String defaultModel,
    Map<String, String> modelByAgent,
    Duration timeout,
    Map<String, ModelPrice> prices) {
  public LlmSettings {
    endpoints = List.copyOf(endpoints);
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("at least one LLM endpoint is required");
    }
    Objects.requireNonNull(defaultModel, "defaultModel");
    modelByAgent = Map.copyOf(modelByAgent);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    prices = Map.copyOf(prices);
  }

  /**
   * The model for an agent's call: the run's override if non-blank, else the agent's configured
   * model, else the default.
   */
  public String modelFor(String agent, String override) {
    if (override != null && !override.isBlank()) {
      return override.strip();
    }
    return modelByAgent.getOrDefault(agent.toLowerCase(Locale.ROOT), defaultModel);
  }

  /**
   * Reads the {@code FORGEFLOW_LLM_*} variables; empty when {@code FORGEFLOW_LLM_BASE_URL} is unset
   * or blank (model mode off).
   *
   * @throws IllegalArgumentException naming the variable when a value is malformed
   */
  public static Optional<LlmSettings> fromEnvironment(Map<String, String> env) {
    return LlmSettingsParser.parse(env);
  }
}
