package dev.forgeflow.agents.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.store.LlmCall;
import dev.forgeflow.store.LlmCallLog;
import dev.forgeflow.store.RunJournal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes each call as an {@link LlmCall} row and an {@code llm.usage} event in the run's journal,
 * with payload {@code {agent, model, promptTokens, completionTokens, costUsd, latencyMs, attempt}}.
 * A keyed call's row is written once ({@link LlmCallLog#recordOnce}) and its event only by the
 * record that wrote the row: a crash between the two leaves the row without its event, never a
 * purchase counted twice.
 */
public final class JournalUsageRecorder implements UsageRecorder {
  /** The journal event type this recorder appends. */
  public static final String EVENT_TYPE = "llm.usage";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LlmCallLog calls;
  private final RunJournal journal;
  private final Pricing pricing;
  private final Clock clock;

  public JournalUsageRecorder(LlmCallLog calls, RunJournal journal, Pricing pricing, Clock clock) {
    this.calls = calls;
    this.journal = journal;
    this.pricing = pricing;
    this.clock = clock;
  }

  @Override
  public void record(LlmRequest request, LlmReply reply, int attempt, String callKey) {
    double cost = pricing.costUsd(reply);
    LlmCall call =
        new LlmCall(
            request.runId(),
            request.agent(),
            reply.model(),
            reply.endpoint(),
            reply.promptTokens(),
            reply.completionTokens(),
            cost,
            reply.latencyMs(),
            attempt,
            "ok",
            OffsetDateTime.now(clock));
    if (callKey == null) {
      calls.record(call);
    } else if (!calls.recordOnce(callKey, call)) {
      return;
    }
    journal.append(request.runId(), EVENT_TYPE, payload(request, reply, cost, attempt), attempt);
  }

  private static String payload(LlmRequest request, LlmReply reply, double cost, int attempt) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("agent", request.agent());
    payload.put("model", reply.model());
    payload.put("promptTokens", reply.promptTokens());
    payload.put("completionTokens", reply.completionTokens());
    payload.put("costUsd", cost);
    payload.put("latencyMs", reply.latencyMs());
    payload.put("attempt", attempt);
    try {
      return JSON.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("usage payload is plain data", e);
    }
  }
}
