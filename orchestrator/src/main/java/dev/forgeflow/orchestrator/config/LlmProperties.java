package dev.forgeflow.orchestrator.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The model endpoints ({@code FORGEFLOW_LLM_*}); with no base URL the offline planner runs.
 *
 * @param baseUrl the OpenAI-compatible endpoint
 * @param apiKey its API key
 * @param fallbackBaseUrls endpoints tried in turn when the primary fails, comma-separated
 * @param fallbackApiKeys one key per fallback URL, comma-separated; none to reuse {@code apiKey}
 * @param model the model every agent uses unless it names its own; blank for gpt-4o-mini
 * @param modelRequirements the Requirements agent's model; blank for {@code model}
 * @param modelArchitecture the Architecture agent's model; blank for {@code model}
 * @param modelImplementer the Implementer's model; blank for {@code model}
 * @param modelReviewer the Reviewer's model; blank for {@code model}
 * @param timeoutSeconds the limit for one call to one endpoint
 * @param prices per-model prices, {@code model=in/out} in USD per million tokens, comma-separated
 */
@Validated
@ConfigurationProperties(prefix = "forgeflow.llm")
public record LlmProperties(
    @DefaultValue("")
        @Pattern(regexp = "|" + Forms.HTTP_URL, message = "not an http(s) URL")
        @Expected("the endpoint's http(s) base URL, such as http://127.0.0.1:11434/v1, or empty")
        String baseUrl,
    @DefaultValue("")
        @Pattern(regexp = "\\S*", message = "contains spaces")
        @Expected("the endpoint's API key, without spaces")
        String apiKey,
    @DefaultValue("")
        @Pattern(regexp = Forms.HTTP_URLS, message = "not a list of http(s) URLs")
        @Expected("comma-separated http(s) base URLs, such as http://127.0.0.1:8001/v1")
        String fallbackBaseUrls,
    @DefaultValue("")
        @Expected("comma-separated API keys, one per fallback URL in the same order, or empty")
        String fallbackApiKeys,
    @DefaultValue("") @Pattern(regexp = "\\S*", message = "contains spaces") @Expected(Forms.MODEL)
        String model,
    @DefaultValue("") @Pattern(regexp = "\\S*", message = "contains spaces") @Expected(Forms.MODEL)
        String modelRequirements,
    @DefaultValue("") @Pattern(regexp = "\\S*", message = "contains spaces") @Expected(Forms.MODEL)
        String modelArchitecture,
    @DefaultValue("") @Pattern(regexp = "\\S*", message = "contains spaces") @Expected(Forms.MODEL)
        String modelImplementer,
    @DefaultValue("") @Pattern(regexp = "\\S*", message = "contains spaces") @Expected(Forms.MODEL)
        String modelReviewer,
    @DefaultValue("120")
        @Min(value = 1, message = "less than 1")
        @Max(value = 600, message = "more than 600")
        @Expected("seconds between 1 and 600, such as 60")
        int timeoutSeconds,
    @DefaultValue("")
        @Pattern(regexp = Forms.PRICES, message = "not a price list")
        @Expected("model=in/out in USD per million tokens, comma-separated, such as gpt-4o=2.5/10")
        String prices) {

  /** As many fallback keys as fallback URLs, or none; reported as {@code fallbackApiKeys}. */
  @AssertTrue(message = "not one key per URL of FORGEFLOW_LLM_FALLBACK_BASE_URLS")
  boolean isFallbackApiKeysPaired() {
    long keys = count(fallbackApiKeys);
    return keys == 0 || keys == count(fallbackBaseUrls);
  }

  private static long count(String list) {
    return list == null ? 0 : Arrays.stream(list.split(",")).filter(s -> !s.isBlank()).count();
  }

  /** The settings by their variable names, as {@code LlmSettings.fromEnvironment} reads them. */
  Map<String, String> variables() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("FORGEFLOW_LLM_BASE_URL", baseUrl);
    values.put("FORGEFLOW_LLM_API_KEY", apiKey);
    values.put("FORGEFLOW_LLM_FALLBACK_BASE_URLS", fallbackBaseUrls);
    values.put("FORGEFLOW_LLM_FALLBACK_API_KEYS", fallbackApiKeys);
    values.put("FORGEFLOW_LLM_MODEL", model);
    values.put("FORGEFLOW_LLM_MODEL_REQUIREMENTS", modelRequirements);
    values.put("FORGEFLOW_LLM_MODEL_ARCHITECTURE", modelArchitecture);
    values.put("FORGEFLOW_LLM_MODEL_IMPLEMENTER", modelImplementer);
    values.put("FORGEFLOW_LLM_MODEL_REVIEWER", modelReviewer);
    values.put("FORGEFLOW_LLM_TIMEOUT_SECONDS", Integer.toString(timeoutSeconds));
    values.put("FORGEFLOW_LLM_PRICES", prices);
    return values;
  }

  /** Never shows the keys. */
  @Override
  public String toString() {
    return "LlmProperties[baseUrl=" + baseUrl + ", model=" + model + "]";
  }
}
