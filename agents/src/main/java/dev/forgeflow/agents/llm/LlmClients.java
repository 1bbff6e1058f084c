package dev.forgeflow.agents.llm;

import java.time.Clock;
import java.util.function.IntSupplier;

/** Creates {@link LlmClient}s. */
public final class LlmClients {
  private LlmClients() {}

  /**
   * A client for OpenAI-compatible chat-completions endpoints (OpenAI, OpenRouter, Groq, Ollama,
   * vLLM, …), trying {@code settings.endpoints()} in order. The underlying HTTP client makes no
   * retries: transient failures surface as retryable failures for Temporal to retry.
   */
  public static LlmClient openAi(LlmSettings settings) {
    return new OpenAiLlmClient(settings, Clock.systemUTC());
  }

  /**
   * Wraps a client so that every completed call is recorded, including calls whose output a caller
   * later rejects (a repair re-ask costs tokens too).
   *
   * @param attempt the current activity attempt, e.g. read from the activity's execution context
   */
  public static LlmClient recording(
      LlmClient delegate, UsageRecorder recorder, IntSupplier attempt) {
    return new RecordingLlmClient(delegate, recorder, attempt);
  }
}
