package dev.forgeflow.agents.llm;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link FakeLlmServer} answers: a status, headers and a body written in parts (one part for
 * JSON, one per event for a stream), with an optional pause between parts.
 */
public record FakeResponse(
    int status,
    Map<String, String> headers,
    String contentType,
    List<String> parts,
    Duration pauseBetweenParts) {
  public FakeResponse {
    headers = Map.copyOf(headers);
    parts = List.copyOf(parts);
  }

  /** A JSON body with the given status. */
  public static FakeResponse json(int status, String body) {
    return new FakeResponse(status, Map.of(), "application/json", List.of(body), Duration.ZERO);
  }

  /** A chat completion whose message content is {@code content}. */
  public static FakeResponse completion(
      String model, String content, long prompt, long completion) {
    return json(200, FakeResponses.completionJson(model, content, prompt, completion));
  }

  /** A completion for model {@code fake-model} with 10 prompt and 5 completion tokens. */
  public static FakeResponse completion(String content) {
    return completion("fake-model", content, 10, 5);
  }

  /** An OpenAI-style error body: {@code {"error": {"message": …}}}. */
  public static FakeResponse error(int status, String message) {
    return json(status, FakeResponses.errorJson(message));
  }

  /** A server-sent-events stream of content deltas, then a usage chunk, then {@code [DONE]}. */
  public static FakeResponse stream(
      String model, List<String> deltas, long prompt, long completion) {
    return new FakeResponse(
        200,
        Map.of(),
        "text/event-stream",
        FakeResponses.streamEvents(model, deltas, prompt, completion),
        Duration.ZERO);
  }

  /** The same response with one more header. */
  public FakeResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new FakeResponse(status, more, contentType, parts, pauseBetweenParts);
  }

  /** The same response pausing between its parts (stream events). */
  public FakeResponse pausing(Duration pause) {
    return new FakeResponse(status, headers, contentType, parts, pause);
  }
}
