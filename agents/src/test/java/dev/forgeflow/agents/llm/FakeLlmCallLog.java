package dev.forgeflow.agents.llm;

import dev.forgeflow.store.LlmCall;
import dev.forgeflow.store.LlmCallLog;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link LlmCallLog} in memory, for tests. */
final class FakeLlmCallLog implements LlmCallLog {
  private final List<LlmCall> calls = new CopyOnWriteArrayList<>();
  private final Set<String> keys = ConcurrentHashMap.newKeySet();

  @Override
  public void record(LlmCall call) {
    calls.add(call);
  }

  @Override
  public boolean recordOnce(String callKey, LlmCall call) {
    if (!keys.add(callKey)) {
      return false;
    }
    calls.add(call);
    return true;
  }

  @Override
  public List<LlmCall> forRun(String runId) {
    return calls.stream().filter(c -> c.runId().equals(runId)).toList();
  }
}
