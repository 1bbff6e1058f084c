package dev.forgeflow.store;

import static dev.forgeflow.store.jooq.Tables.LLM_CALLS;

import dev.forgeflow.store.jooq.tables.records.LlmCallsRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.impl.DSL;

/**
 * Model calls in the {@code llm_calls} table, in the order they were recorded; a unique {@code
 * call_key} makes keyed records idempotent.
 */
final class PostgresLlmCallLog implements LlmCallLog {

  private final DSLContext db;

  PostgresLlmCallLog(DSLContext db) {
    this.db = db;
  }

  @Override
  public void record(LlmCall call) {
    RunMustExist.whileWriting(call.runId(), () -> insert(call, null).execute());
  }

  @Override
  public boolean recordOnce(String callKey, LlmCall call) {
    Objects.requireNonNull(callKey, "callKey");
    return RunMustExist.whileWriting(
        call.runId(),
        () -> insert(call, callKey).onConflict(LLM_CALLS.CALL_KEY).doNothing().execute() == 1);
  }

  private InsertSetMoreStep<LlmCallsRecord> insert(LlmCall call, String callKey) {
    return db.insertInto(LLM_CALLS)
        .set(LLM_CALLS.RUN_ID, call.runId())
        .set(LLM_CALLS.AGENT, StorableText.of(call.agent()))
        .set(LLM_CALLS.MODEL, StorableText.of(call.model()))
        .set(LLM_CALLS.ENDPOINT, StorableText.of(call.endpoint()))
        .set(LLM_CALLS.PROMPT_TOKENS, call.promptTokens())
        .set(LLM_CALLS.COMPLETION_TOKENS, call.completionTokens())
        .set(LLM_CALLS.COST_USD, BigDecimal.valueOf(call.costUsd()))
        .set(LLM_CALLS.LATENCY_MS, call.latencyMs())
        .set(LLM_CALLS.ATTEMPT, call.attempt())
        .set(LLM_CALLS.OUTCOME, StorableText.of(call.outcome()))
        .set(
            LLM_CALLS.CREATED_AT,
            call.at() == null ? DSL.currentOffsetDateTime() : DSL.val(call.at()))
        .set(LLM_CALLS.CALL_KEY, callKey);
  }

  @Override
  public List<LlmCall> forRun(String runId) {
    return db.selectFrom(LLM_CALLS)
        .where(LLM_CALLS.RUN_ID.eq(runId))
        .orderBy(LLM_CALLS.ID)
        .fetch(PostgresLlmCallLog::toCall);
  }

  private static LlmCall toCall(LlmCallsRecord row) {
    return new LlmCall(
        row.getRunId(),
        row.getAgent(),
        row.getModel(),
        row.getEndpoint(),
        row.getPromptTokens(),
        row.getCompletionTokens(),
        row.getCostUsd().doubleValue(),
        row.getLatencyMs(),
        row.getAttempt(),
        row.getOutcome(),
        row.getCreatedAt());
  }
}
