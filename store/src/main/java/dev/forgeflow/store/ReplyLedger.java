package dev.forgeflow.store;

import java.util.Optional;

/**
 * Keeps every model reply the moment it arrives, keyed by the call that bought it, so that a
 * retried activity finds the replies its earlier attempt paid for. One reply per key.
 */
public interface ReplyLedger {

  /** The reply kept for this call, if any. */
  Optional<StoredReply> find(ReplyKey key);

  /**
   * Keeps a reply and returns the reply its key holds afterwards. A reply already kept for the same
   * request ({@code requestSha256}) stays: the first save wins, saving again is harmless. A reply
   * kept for another request is replaced: the key names the n-th call of an activity, and a retry
   * that asks something else has no use for the old answer. Text PostgreSQL cannot hold (NUL,
   * unpaired surrogates) is kept as U+FFFD.
   *
   * @throws java.util.NoSuchElementException if there is no such run
   */
  StoredReply save(StoredReply reply);
}
