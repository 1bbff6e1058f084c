package dev.forgeflow.agents.llm;

import dev.forgeflow.store.LlmCall;
import dev.forgeflow.store.LlmCallLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link LlmCallLog} in memory, for tests. */
final class FakeLlmCallLog implements LlmCallLog {
  private final List<LlmCall> calls = new CopyOnWriteArrayList<>();

  @Override
  public void record(LlmCall call) {
    calls.add(call);
  }

  @Override
  public List<LlmCall> forRun(String runId) {
    return calls.stream().filter(c -> c.runId().equals(runId)).toList();
  }
}
