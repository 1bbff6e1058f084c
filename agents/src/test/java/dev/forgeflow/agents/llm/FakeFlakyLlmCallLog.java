package dev.forgeflow.agents.llm;

import dev.forgeflow.store.LlmCall;
import dev.forgeflow.store.LlmCallLog;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** A fake {@link LlmCallLog} whose first keyed record fails, as if the database went away. */
final class FakeFlakyLlmCallLog implements LlmCallLog {
  private final LlmCallLog log;
  private final AtomicBoolean failed = new AtomicBoolean();

  FakeFlakyLlmCallLog(LlmCallLog log) {
    this.log = log;
  }

  @Override
  public void record(LlmCall call) {
    log.record(call);
  }

  @Override
  public boolean recordOnce(String callKey, LlmCall call) {
    if (failed.compareAndSet(false, true)) {
      throw new IllegalStateException("fake call log: the connection was lost");
    }
    return log.recordOnce(callKey, call);
  }

  @Override
  public List<LlmCall> forRun(String runId) {
    return log.forRun(runId);
  }
}
