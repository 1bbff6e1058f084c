package dev.forgeflow.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {

  @Test
  void noBaseUrlMeansNoModelMode() {
    assertThat(LlmSettings.fromEnvironment(Map.of())).isEmpty();
    assertThat(
            LlmSettings.fromEnvironment(
                Map.of("FORGEFLOW_LLM_BASE_URL", "  ", "FORGEFLOW_LLM_API_KEY", "k")))
        .isEmpty();
  }

  @Test
  void minimalSettingsUseTheDefaults() {
    LlmSettings settings = parse(Map.of("FORGEFLOW_LLM_BASE_URL", "http://127.0.0.1:11434/v1/"));

    assertThat(settings.endpoints())
        .containsExactly(new LlmEndpoint("http://127.0.0.1:11434/v1", ""));
    assertThat(settings.defaultModel()).isEqualTo("gpt-4o-mini");
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(settings.prices()).isEmpty();
    assertThat(settings.modelFor("reviewer", null)).isEqualTo("gpt-4o-mini");
  }

  @Test
  void everyVariableIsRead() {
    Map<String, String> env = new HashMap<>();
    env.put("FORGEFLOW_LLM_BASE_URL", "https://primary.example/v1");
    env.put("FORGEFLOW_LLM_API_KEY", "k0");
    env.put(
        "FORGEFLOW_LLM_FALLBACK_BASE_URLS", "http://127.0.0.1:8001/v1, http://127.0.0.1:8002/v1");
    env.put("FORGEFLOW_LLM_FALLBACK_API_KEYS", "k1,k2");
    env.put("FORGEFLOW_LLM_MODEL", "base-model");
    env.put("FORGEFLOW_LLM_MODEL_IMPLEMENTER", "coder-model");
    env.put("FORGEFLOW_LLM_MODEL_REVIEWER", "review-model");
    env.put("FORGEFLOW_LLM_TIMEOUT_SECONDS", "45");
    env.put("FORGEFLOW_LLM_PRICES", "base-model=0.15/0.60, openai/gpt-4o=2.5/10");
    LlmSettings settings = parse(env);

    assertThat(settings.endpoints())
        .containsExactly(
            new LlmEndpoint("https://primary.example/v1", "k0"),
            new LlmEndpoint("http://127.0.0.1:8001/v1", "k1"),
            new LlmEndpoint("http://127.0.0.1:8002/v1", "k2"));
    assertThat(settings.modelFor("implementer", null)).isEqualTo("coder-model");
    assertThat(settings.modelFor("Reviewer", "")).isEqualTo("review-model");
    assertThat(settings.modelFor("requirements", null)).isEqualTo("base-model");
    assertThat(settings.modelFor("implementer", "run-override")).isEqualTo("run-override");
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(settings.prices())
        .containsEntry("base-model", new ModelPrice(0.15, 0.60))
        .containsEntry("openai/gpt-4o", new ModelPrice(2.5, 10));
  }

  @Test
  void fallbackEndpointsShareThePrimaryKeyWhenNoKeysAreListed() {
    LlmSettings settings =
        parse(
            Map.of(
                "FORGEFLOW_LLM_BASE_URL",
                "http://a.test/v1",
                "FORGEFLOW_LLM_API_KEY",
                "shared",
                "FORGEFLOW_LLM_FALLBACK_BASE_URLS",
                "http://b.test/v1"));

    assertThat(settings.endpoints())
        .extracting(LlmEndpoint::apiKey)
        .isEqualTo(List.of("shared", "shared"));
  }

  @Test
  void malformedValuesNameTheirVariable() {
    assertRejected(Map.of("FORGEFLOW_LLM_BASE_URL", "localhost:8080"), "FORGEFLOW_LLM_BASE_URL");
    assertRejected(
        with("FORGEFLOW_LLM_FALLBACK_BASE_URLS", "ftp://x/v1"), "FORGEFLOW_LLM_FALLBACK_BASE_URLS");
    assertRejected(with("FORGEFLOW_LLM_TIMEOUT_SECONDS", "soon"), "FORGEFLOW_LLM_TIMEOUT_SECONDS");
    assertRejected(with("FORGEFLOW_LLM_TIMEOUT_SECONDS", "0"), "FORGEFLOW_LLM_TIMEOUT_SECONDS");
    assertRejected(with("FORGEFLOW_LLM_PRICES", "gpt=0.1"), "FORGEFLOW_LLM_PRICES");
    assertRejected(with("FORGEFLOW_LLM_PRICES", "gpt=a/b"), "FORGEFLOW_LLM_PRICES");
    assertRejected(with("FORGEFLOW_LLM_PRICES", "=1/2"), "FORGEFLOW_LLM_PRICES");
    Map<String, String> keysMismatch =
        new HashMap<>(with("FORGEFLOW_LLM_FALLBACK_BASE_URLS", "http://b.test/v1"));
    keysMismatch.put("FORGEFLOW_LLM_FALLBACK_API_KEYS", "k1,k2");
    assertRejected(keysMismatch, "FORGEFLOW_LLM_FALLBACK_API_KEYS");
  }

  @Test
  void endpointToStringHidesTheKey() {
    LlmEndpoint endpoint = new LlmEndpoint("http://a.test/v1", "sk-very-secret");

    assertThat(endpoint.toString()).contains("http://a.test/v1").doesNotContain("sk-very-secret");
    assertThat(
            parse(
                    Map.of(
                        "FORGEFLOW_LLM_BASE_URL",
                        "http://a.test/v1",
                        "FORGEFLOW_LLM_API_KEY",
                        "sk-very-secret"))
                .toString())
        .doesNotContain("sk-very-secret");
  }

  private static Map<String, String> with(String name, String value) {
    return Map.of("FORGEFLOW_LLM_BASE_URL", "http://a.test/v1", name, value);
  }

  private static void assertRejected(Map<String, String> env, String variable) {
    assertThatThrownBy(() -> LlmSettings.fromEnvironment(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(variable);
  }

  private static LlmSettings parse(Map<String, String> env) {
    return LlmSettings.fromEnvironment(env).orElseThrow();
  }
}
