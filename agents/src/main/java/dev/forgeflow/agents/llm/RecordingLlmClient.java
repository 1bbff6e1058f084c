package dev.forgeflow.agents.llm;

import java.util.function.IntSupplier;

/** Records every completed call's usage, whether or not its output turns out usable. */
final class RecordingLlmClient implements LlmClient {
  private final LlmClient delegate;
  private final UsageRecorder recorder;
  private final IntSupplier attempt;

  RecordingLlmClient(LlmClient delegate, UsageRecorder recorder, IntSupplier attempt) {
    this.delegate = delegate;
    this.recorder = recorder;
    this.attempt = attempt;
  }

  @Override
  public LlmReply complete(LlmRequest request, StreamListener listener) {
    LlmReply reply = delegate.complete(request, listener);
    recorder.record(request, reply, attempt.getAsInt());
    return reply;
  }
}
