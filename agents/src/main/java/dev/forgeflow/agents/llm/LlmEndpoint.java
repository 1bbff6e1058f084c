package dev.forgeflow.agents.llm;

import java.util.Objects;

/**
 * One OpenAI-compatible endpoint.
 *
 * @param baseUrl the API root, e.g. {@code https://api.example.com/v1}
 * @param apiKey the bearer key; blank for servers that need none. Never printed.
 */
public record LlmEndpoint(String baseUrl, String apiKey) {
  public LlmEndpoint {
    Objects.requireNonNull(baseUrl, "baseUrl");
    apiKey = apiKey == null ? "" : apiKey;
  }

  /** Replaces every occurrence of this endpoint's key in {@code text}. */
  String redact(String text) {
    if (text == null || apiKey.isBlank()) {
      return text;
    }
    return text.replace(apiKey, "[redacted]");
  }

  @Override
  public String toString() {
    return "LlmEndpoint[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isEmpty() ? "" : "***") + "]";
  }
}
