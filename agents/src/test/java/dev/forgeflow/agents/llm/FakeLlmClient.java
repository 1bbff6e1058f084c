package dev.forgeflow.agents.llm;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A fake model client that counts the calls it is paid for. By default each reply is numbered by
 * the call that bought it ({@code "answer 3: <user message>"}), so a reply bought again differs
 * from the first; a streamed request gets its reply as one delta.
 */
final class FakeLlmClient implements LlmClient {
  private final List<LlmRequest> requests = new CopyOnWriteArrayList<>();
  private final BiFunction<Integer, LlmRequest, String> answer;

  /** Answers the n-th call it receives with {@code answer.apply(n, request)}. */
  FakeLlmClient(BiFunction<Integer, LlmRequest, String> answer) {
    this.answer = answer;
  }

  FakeLlmClient() {
    this((n, request) -> "answer " + n + ": " + request.user());
  }

  @Override
  public synchronized LlmReply complete(LlmRequest request, StreamListener listener) {
    requests.add(request);
    String text = answer.apply(requests.size(), request);
    if (request.stream()) {
      listener.onDelta(text);
    }
    return new LlmReply(text, request.model(), "http://127.0.0.1:9/v1", 100, 20, 5);
  }

  int calls() {
    return requests.size();
  }

  List<LlmRequest> requests() {
    return List.copyOf(requests);
  }
}
