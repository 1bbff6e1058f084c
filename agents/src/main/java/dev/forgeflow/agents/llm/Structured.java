package dev.forgeflow.agents.llm;

import java.util.List;

/**
 * A model's reply parsed into a value.
 *
 * @param value the parsed value
 * @param replies every call it took, in order: one, or two when a repair re-ask was needed
 */
public record Structured<T>(T value, List<LlmReply> replies) {
  public Structured {
    replies = List.copyOf(replies);
  }
}
