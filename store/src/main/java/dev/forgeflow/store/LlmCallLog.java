package dev.forgeflow.store;

import java.util.List;

/** Records every language-model call a run makes. */
public interface LlmCallLog {

  /**
   * Records a call. Every call to this method adds a row.
   *
   * @throws java.util.NoSuchElementException if there is no such run
   */
  void record(LlmCall call);

  /**
   * Records a call once per key: the first record with a key adds a row, later ones with the same
   * key add nothing, also when made concurrently. A retried activity that reuses a reply its
   * earlier attempt bought ({@link ReplyLedger}) thus never records its usage twice.
   *
   * @param callKey names the purchase, e.g. {@link ReplyKey#callKey(int)}
   * @return whether this call added the row
   * @throws java.util.NoSuchElementException if there is no such run
   */
  boolean recordOnce(String callKey, LlmCall call);

  /** The run's calls in the order they were recorded. */
  List<LlmCall> forRun(String runId);
}
