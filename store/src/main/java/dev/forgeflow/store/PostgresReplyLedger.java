package dev.forgeflow.store;

import static dev.forgeflow.store.jooq.Tables.MODEL_REPLIES;
import static org.jooq.impl.DSL.excluded;

import dev.forgeflow.store.jooq.tables.records.ModelRepliesRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Replies in the {@code model_replies} table, one per call key. A save that meets a reply of the
 * same request does nothing (first wins); one that meets another request's reply overwrites it.
 */
final class PostgresReplyLedger implements ReplyLedger {

  /** Every column but the key, each set to the value the refused insert carried. */
  private static final Map<Field<?>, Field<?>> REPLACED =
      Stream.<Field<?>>of(
              MODEL_REPLIES.RUN_ID,
              MODEL_REPLIES.ATTEMPT,
              MODEL_REPLIES.REQUEST_SHA256,
              MODEL_REPLIES.REPLY_TEXT,
              MODEL_REPLIES.MODEL,
              MODEL_REPLIES.ENDPOINT,
              MODEL_REPLIES.PROMPT_TOKENS,
              MODEL_REPLIES.COMPLETION_TOKENS,
              MODEL_REPLIES.LATENCY_MS,
              MODEL_REPLIES.CREATED_AT)
          .collect(
              Collectors.toMap(
                  field -> field, field -> excluded(field), (a, b) -> a, LinkedHashMap::new));

  private final DSLContext db;

  PostgresReplyLedger(DSLContext db) {
    this.db = db;
  }

  @Override
  public Optional<StoredReply> find(ReplyKey key) {
    return db.selectFrom(MODEL_REPLIES)
        .where(
            MODEL_REPLIES
                .WORKFLOW_ID
                .eq(key.workflowId())
                .and(MODEL_REPLIES.ACTIVITY_ID.eq(key.activityId()))
                .and(MODEL_REPLIES.ORDINAL.eq(key.ordinal())))
        .fetchOptional(PostgresReplyLedger::toReply);
  }

  @Override
  public StoredReply save(StoredReply reply) {
    RunMustExist.whileWriting(reply.runId(), () -> upsert(reply));
    return find(reply.key())
        .orElseThrow(() -> new IllegalStateException("a saved reply is kept: " + reply.key()));
  }

  private int upsert(StoredReply reply) {
    return db.insertInto(MODEL_REPLIES)
        .set(MODEL_REPLIES.WORKFLOW_ID, reply.key().workflowId())
        .set(MODEL_REPLIES.ACTIVITY_ID, reply.key().activityId())
        .set(MODEL_REPLIES.ORDINAL, reply.key().ordinal())
        .set(MODEL_REPLIES.RUN_ID, reply.runId())
        .set(MODEL_REPLIES.ATTEMPT, reply.attempt())
        .set(MODEL_REPLIES.REQUEST_SHA256, reply.requestSha256())
        .set(MODEL_REPLIES.REPLY_TEXT, StorableText.of(reply.text()))
        .set(MODEL_REPLIES.MODEL, StorableText.of(reply.model()))
        .set(MODEL_REPLIES.ENDPOINT, StorableText.of(reply.endpoint()))
        .set(MODEL_REPLIES.PROMPT_TOKENS, reply.promptTokens())
        .set(MODEL_REPLIES.COMPLETION_TOKENS, reply.completionTokens())
        .set(MODEL_REPLIES.LATENCY_MS, reply.latencyMs())
        .set(
            MODEL_REPLIES.CREATED_AT,
            reply.at() == null ? DSL.currentOffsetDateTime() : DSL.val(reply.at()))
        .onConflict(MODEL_REPLIES.WORKFLOW_ID, MODEL_REPLIES.ACTIVITY_ID, MODEL_REPLIES.ORDINAL)
        .doUpdate()
        .set(REPLACED)
        .where(MODEL_REPLIES.REQUEST_SHA256.ne(excluded(MODEL_REPLIES.REQUEST_SHA256)))
        .execute();
  }

  private static StoredReply toReply(ModelRepliesRecord row) {
    return new StoredReply(
        new ReplyKey(row.getWorkflowId(), row.getActivityId(), row.getOrdinal()),
        row.getRunId(),
        row.getAttempt(),
        row.getRequestSha256(),
        row.getReplyText(),
        row.getModel(),
        row.getEndpoint(),
        row.getPromptTokens(),
        row.getCompletionTokens(),
        row.getLatencyMs(),
        row.getCreatedAt());
  }
}
