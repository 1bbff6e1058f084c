package dev.forgeflow.agents.llm;

/** Records what a model call used, for budgets, the run's event stream and operators. */
public interface UsageRecorder {
  /** Records nothing. */
  UsageRecorder NONE = (request, reply, attempt, callKey) -> {};

  /**
   * Records one completed call.
   *
   * @param attempt the attempt number of the activity that bought the reply (1 for the first)
   * @param callKey names the purchase ({@link dev.forgeflow.store.ReplyKey#callKey}): a call
   *     recorded under a key is not recorded again under it, so a retry that reuses the reply
   *     records nothing twice. {@code null} for a call made outside an activity, recorded every
   *     time.
   */
  void record(LlmRequest request, LlmReply reply, int attempt, String callKey);
}
