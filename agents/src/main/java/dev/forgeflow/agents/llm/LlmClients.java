package dev.forgeflow.agents.llm;

import dev.forgeflow.store.ReplyLedger;
import io.opentelemetry.api.trace.Tracer;
import java.time.Clock;

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
   * Wraps the model client the agents use so that a completed call is never bought twice.
   *
   * <p>Inside an activity, the n-th call of the activity's execution (n = 1, 2, ...; a repair
   * re-ask is a call of its own) is looked up in the ledger under (workflow id, activity id, n). A
   * reply kept there for the same request (model, messages, schema) is returned without calling the
   * model, and without streaming to the listener. Otherwise the model is called and its reply is
   * saved to the ledger first, before the usage is recorded and before the caller parses, stores or
   * journals anything; a reply kept for another request is replaced. So an attempt that dies after
   * the reply arrived leaves it to the next attempt, which pays nothing.
   *
   * <p>Every reply bought is recorded once, under the attempt that bought it and the key {@link
   * dev.forgeflow.store.ReplyKey#callKey}, including replies a caller later rejects (a repair
   * re-ask costs tokens too); a reused reply is recorded only if the buying attempt stopped before
   * recording it. Outside an activity (tests, offline tools) calls pass straight to the model and
   * are recorded each time, as attempt 1.
   */
  public static LlmClient ledgered(LlmClient model, ReplyLedger ledger, UsageRecorder recorder) {
    return new LedgeredLlmClient(model, ledger, recorder);
  }

  /**
   * Wraps a model client so that each call is a span of {@code tracer}, a child of the current
   * span, carrying the agent, the model and the tokens the endpoint reported; a failed call marks
   * its span as an error and is rethrown unchanged.
   */
  public static LlmClient traced(LlmClient model, Tracer tracer) {
    return new TracedLlmClient(model, tracer);
  }
}
