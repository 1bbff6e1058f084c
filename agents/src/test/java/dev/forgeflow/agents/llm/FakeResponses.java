package dev.forgeflow.agents.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Bodies in the chat-completions wire format, and handlers built from responses. */
public final class FakeResponses {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FakeResponses() {}

  /** A handler giving {@code responses} in order, then repeating the last. */
  public static Function<RecordedRequest, FakeResponse> inOrder(FakeResponse... responses) {
    List<FakeResponse> script = List.of(responses);
    AtomicInteger next = new AtomicInteger();
    return request -> script.get(Math.min(next.getAndIncrement(), script.size() - 1));
  }

  static String completionJson(String model, String content, long prompt, long completion) {
    return write(
        Map.of(
            "id",
            "chatcmpl-fake",
            "object",
            "chat.completion",
            "created",
            1_700_000_000,
            "model",
            model,
            "choices",
            List.of(
                Map.of(
                    "index",
                    0,
                    "message",
                    Map.of("role", "assistant", "content", content),
                    "finish_reason",
                    "stop")),
            "usage",
            usage(prompt, completion)));
  }

  static String errorJson(String message) {
    return write(
        Map.of(
            "error", Map.of("message", message, "type", "invalid_request_error", "code", "fake")));
  }

  static List<String> streamEvents(
      String model, List<String> deltas, long prompt, long completion) {
    List<String> events = new ArrayList<>();
    for (String delta : deltas) {
      Map<String, Object> choice = new LinkedHashMap<>();
      choice.put("index", 0);
      choice.put("delta", Map.of("content", delta));
      choice.put("finish_reason", null);
      events.add(event(chunk(model, List.of(choice), null)));
    }
    events.add(event(chunk(model, List.of(), usage(prompt, completion))));
    events.add("data: [DONE]\n\n");
    return events;
  }

  private static Map<String, Object> chunk(String model, List<?> choices, Object usage) {
    Map<String, Object> chunk = new LinkedHashMap<>();
    chunk.put("id", "chatcmpl-fake");
    chunk.put("object", "chat.completion.chunk");
    chunk.put("created", 1_700_000_000);
    chunk.put("model", model);
    chunk.put("choices", choices);
    chunk.put("usage", usage);
    return chunk;
  }

  private static Map<String, Object> usage(long prompt, long completion) {
    return Map.of(
        "prompt_tokens", prompt,
        "completion_tokens", completion,
        "total_tokens", prompt + completion);
  }

  private static String event(Object data) {
    return "data: " + write(data) + "\n\n";
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
