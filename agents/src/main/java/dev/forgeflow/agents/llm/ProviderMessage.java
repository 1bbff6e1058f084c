package dev.forgeflow.agents.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.errors.OpenAIServiceException;

/** Extracts the provider's own error message from an error response, kept short. */
final class ProviderMessage {
  private static final int MAX = 500;

  private ProviderMessage() {}

  static String of(OpenAIServiceException e) {
    String text;
    try {
      text = describe(e.body().convert(JsonNode.class));
    } catch (RuntimeException unreadable) {
      text = e.getMessage();
    }
    if (text == null || text.isBlank()) {
      text = "(no message)";
    }
    return text.length() > MAX ? text.substring(0, MAX) + "…" : text;
  }

  private static String describe(JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return null;
    }
    if (body.isTextual()) {
      return body.asText();
    }
    JsonNode error = body.path("error");
    if (error.path("message").isTextual()) {
      return error.path("message").asText();
    }
    if (error.isTextual()) {
      return error.asText();
    }
    if (body.path("message").isTextual()) {
      return body.path("message").asText();
    }
    return body.toString();
  }
}
