package dev.forgeflow.agents.llm;

/** Records what a model call used, for budgets, the run's event stream and operators. */
public interface UsageRecorder {
  /** Records nothing. */
  UsageRecorder NONE = (request, reply, attempt) -> {};

  /**
   * Records one completed call.
   *
   * @param attempt the attempt number of the activity that made the call (1 for the first)
   */
  void record(LlmRequest request, LlmReply reply, int attempt);
}
