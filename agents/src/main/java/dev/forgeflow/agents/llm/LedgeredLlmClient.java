package dev.forgeflow.agents.llm;

import dev.forgeflow.store.ReplyLedger;
import dev.forgeflow.store.StoredReply;
import java.util.Optional;

/**
 * Keeps each reply in the {@link ReplyLedger} the moment it arrives, before anything else is done
 * with it (usage records, events, parsing, artifacts), and answers a retried activity's calls from
 * there: a reply bought once is never bought again. Records the usage of every reply bought, once,
 * under the attempt that bought it.
 */
final class LedgeredLlmClient implements LlmClient {
  private final LlmClient model;
  private final ReplyLedger ledger;
  private final UsageRecorder recorder;
  private final ActivityCalls calls = new ActivityCalls();

  LedgeredLlmClient(LlmClient model, ReplyLedger ledger, UsageRecorder recorder) {
    this.model = model;
    this.ledger = ledger;
    this.recorder = recorder;
  }

  @Override
  public LlmReply complete(LlmRequest request, StreamListener listener) {
    Optional<ActivityCall> call = calls.next();
    if (call.isEmpty()) {
      LlmReply reply = model.complete(request, listener);
      recorder.record(request, reply, 1, null);
      return reply;
    }
    return complete(call.get(), request, listener);
  }

  private LlmReply complete(ActivityCall call, LlmRequest request, StreamListener listener) {
    String digest = RequestDigest.of(request);
    Optional<StoredReply> kept =
        ledger.find(call.key()).filter(reply -> reply.requestSha256().equals(digest));
    if (kept.isPresent()) {
      // Recorded already, unless the attempt that bought it stopped before recording it.
      StoredReply reused = kept.get();
      recorder.record(
          request, reply(reused), reused.attempt(), call.key().callKey(reused.attempt()));
      return reply(reused);
    }
    LlmReply bought = model.complete(request, listener);
    StoredReply standing = ledger.save(stored(call, request, digest, bought));
    recorder.record(request, bought, call.attempt(), call.key().callKey(call.attempt()));
    return reply(standing);
  }

  private static StoredReply stored(
      ActivityCall call, LlmRequest request, String digest, LlmReply reply) {
    return new StoredReply(
        call.key(),
        request.runId(),
        call.attempt(),
        digest,
        reply.text(),
        reply.model(),
        reply.endpoint(),
        reply.promptTokens(),
        reply.completionTokens(),
        reply.latencyMs(),
        null);
  }

  private static LlmReply reply(StoredReply kept) {
    return new LlmReply(
        kept.text(),
        kept.model(),
        kept.endpoint(),
        kept.promptTokens(),
        kept.completionTokens(),
        kept.latencyMs());
  }
}
