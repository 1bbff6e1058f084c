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

  /** The run's calls in the order they were recorded. */
  List<LlmCall> forRun(String runId);
}
