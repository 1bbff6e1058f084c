package dev.forgeflow.agents.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** A request {@link FakeLlmServer} received, with helpers to read the chat-completions body. */
public record RecordedRequest(
    String method, String path, Map<String, List<String>> headers, String body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public RecordedRequest {
    headers = Map.copyOf(headers);
  }

  /** The first value of a header, matched case-insensitively, or null. */
  public String header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(e -> e.getValue().get(0))
        .findFirst()
        .orElse(null);
  }

  /** The body as JSON. */
  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("request body is not JSON: " + body, e);
    }
  }

  /** The requested model. */
  public String model() {
    return json().path("model").asText();
  }

  /** The content of the last message with the given role, or null. */
  public String message(String role) {
    String content = null;
    for (JsonNode message : json().path("messages")) {
      if (role.equals(message.path("role").asText())) {
        content = message.path("content").asText();
      }
    }
    return content;
  }

  /** The name of the requested {@code json_schema} response format, or null for free text. */
  public String schemaName() {
    JsonNode name = json().path("response_format").path("json_schema").path("name");
    return name.isMissingNode() ? null : name.asText();
  }

  /** Whether the client asked for a streamed reply. */
  public boolean streamed() {
    return json().path("stream").asBoolean(false);
  }
}
