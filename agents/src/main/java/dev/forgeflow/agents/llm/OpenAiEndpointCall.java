package dev.forgeflow.agents.llm;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.completions.CompletionUsage;

/** One call to one endpoint, blocking or streamed, with openai-java's errors mapped. */
final class OpenAiEndpointCall {
  private final LlmEndpoint endpoint;
  private final OpenAIClient client;
  private final LlmFailures failures;

  OpenAiEndpointCall(LlmEndpoint endpoint, OpenAIClient client, LlmFailures failures) {
    this.endpoint = endpoint;
    this.client = client;
    this.failures = failures;
  }

  LlmReply complete(LlmRequest request, StreamListener listener) {
    long start = System.nanoTime();
    try {
      return request.stream() ? streamed(request, listener, start) : blocking(request, start);
    } catch (OpenAIException e) {
      throw failures.map(e, endpoint, request.model());
    }
  }

  private LlmReply blocking(LlmRequest request, long start) {
    ChatCompletion completion = client.chat().completions().create(ChatParams.of(request));
    String text =
        completion.choices().stream()
            .findFirst()
            .flatMap(choice -> choice.message().content())
            .orElse("");
    String model = completion._model().asKnown().orElse(request.model());
    return reply(text, model, completion.usage().orElse(null), start);
  }

  private LlmReply streamed(LlmRequest request, StreamListener listener, long start) {
    StringBuilder text = new StringBuilder();
    String model = request.model();
    CompletionUsage usage = null;
    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(ChatParams.of(request))) {
      for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) stream.stream()::iterator) {
        model = chunk._model().asKnown().orElse(model);
        usage = chunk.usage().orElse(usage);
        for (ChatCompletionChunk.Choice choice : chunk.choices()) {
          String delta = choice.delta().content().orElse("");
          if (!delta.isEmpty()) {
            text.append(delta);
            listener.onDelta(delta);
          }
        }
      }
    }
    return reply(text.toString(), model, usage, start);
  }

  private LlmReply reply(String text, String model, CompletionUsage usage, long start) {
    long latencyMs = (System.nanoTime() - start) / 1_000_000;
    long prompt = usage == null ? 0 : usage.promptTokens();
    long completion = usage == null ? 0 : usage.completionTokens();
    return new LlmReply(text, model, endpoint.baseUrl(), prompt, completion, latencyMs);
  }
}
