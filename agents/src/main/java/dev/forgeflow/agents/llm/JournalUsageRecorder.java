package dev.forgeflow.agents.llm;

import dev.forgeflow.store.LlmCall;
import dev.forgeflow.store.LlmCallLog;
import dev.forgeflow.store.RunJournal;
import dev.forgeflow.workflows.journal.ActivityAttempt;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.JournalEntry;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Writes each call as an {@link LlmCall} row and an {@code llm.usage} event in the run's journal,
 * with payload {@code {agent, model, promptTokens, completionTokens, costUsd, latencyMs, attempt}}.
 * A keyed call's row is written once ({@link LlmCallLog#recordOnce}) and its event once (keyed by
 * the purchase): a retry after a crash between the two completes what is missing, and never counts
 * a purchase twice.
 */
public final class JournalUsageRecorder implements UsageRecorder {
  /** The journal event type this recorder appends. */
  public static final String EVENT_TYPE = Fact.LlmUsage.TYPE;

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
    } else {
      calls.recordOnce(callKey, call);
    }
    // Keyed by the purchase: a retry that restates this call's usage adds no second event, and
    // one that follows a crash between the row and the event journals the event then.
    JournalEntry usage =
        JournalEntry.ofActivity(
            new Fact.LlmUsage(
                request.agent(),
                reply.model(),
                reply.promptTokens(),
                reply.completionTokens(),
                cost,
                reply.latencyMs()),
            ActivityAttempt.current().withAttempt(attempt),
            request.toString());
    String factKey = callKey == null ? usage.factKey() : Fact.LlmUsage.TYPE + "/" + callKey;
    journal.append(request.runId(), usage.type(), usage.payloadJson(), usage.attempt(), factKey);
  }
}
