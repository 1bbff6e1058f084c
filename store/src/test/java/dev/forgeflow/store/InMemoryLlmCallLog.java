package dev.forgeflow.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A fake {@link LlmCallLog} in memory; thread-safe. */
public final class InMemoryLlmCallLog implements LlmCallLog {

  private final InMemoryRunStore runs;
  private final List<LlmCall> calls = new ArrayList<>();
  private final Set<String> keys = new HashSet<>();

  public InMemoryLlmCallLog(InMemoryRunStore runs) {
    this.runs = runs;
  }

  @Override
  public synchronized void record(LlmCall call) {
    runs.requireRun(call.runId());
    calls.add(call.at() != null ? call : withTime(call));
  }

  @Override
  public synchronized boolean recordOnce(String callKey, LlmCall call) {
    runs.requireRun(call.runId());
    if (!keys.add(Objects.requireNonNull(callKey, "callKey"))) {
      return false;
    }
    record(call);
    return true;
  }

  @Override
  public synchronized List<LlmCall> forRun(String runId) {
    return calls.stream().filter(call -> call.runId().equals(runId)).toList();
  }

  private static LlmCall withTime(LlmCall c) {
    return new LlmCall(
        c.runId(),
        c.agent(),
        c.model(),
        c.endpoint(),
        c.promptTokens(),
        c.completionTokens(),
        c.costUsd(),
        c.latencyMs(),
        c.attempt(),
        c.outcome(),
        InMemoryRunStore.now());
  }
}
