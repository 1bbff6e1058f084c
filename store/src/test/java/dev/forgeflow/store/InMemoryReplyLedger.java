package dev.forgeflow.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A fake {@link ReplyLedger} in memory; thread-safe. */
public final class InMemoryReplyLedger implements ReplyLedger {

  private final InMemoryRunStore runs;
  private final Map<ReplyKey, StoredReply> replies = new HashMap<>();

  public InMemoryReplyLedger(InMemoryRunStore runs) {
    this.runs = runs;
  }

  @Override
  public synchronized Optional<StoredReply> find(ReplyKey key) {
    return Optional.ofNullable(replies.get(key));
  }

  @Override
  public synchronized StoredReply save(StoredReply reply) {
    runs.requireRun(reply.runId());
    StoredReply kept = replies.get(reply.key());
    if (kept == null || !kept.requestSha256().equals(reply.requestSha256())) {
      replies.put(reply.key(), storable(reply));
    }
    return replies.get(reply.key());
  }

  private static StoredReply storable(StoredReply r) {
    return new StoredReply(
        r.key(),
        r.runId(),
        r.attempt(),
        r.requestSha256(),
        StorableText.of(r.text()),
        StorableText.of(r.model()),
        StorableText.of(r.endpoint()),
        r.promptTokens(),
        r.completionTokens(),
        r.latencyMs(),
        r.at() != null ? r.at() : InMemoryRunStore.now());
  }
}
