package dev.forgeflow.agents.llm;

/** Makes one chat completion against the configured model endpoints. */
public interface LlmClient {
  /**
   * Sends the request and returns the whole reply. Makes no retries of its own: it tries each
   * configured endpoint once, in order, moving on only after a transient failure.
   *
   * @param listener receives content deltas when {@code request.stream()} is set
   * @throws io.temporal.failure.ApplicationFailure of type {@code LlmRejected} (non-retryable: bad
   *     key, forbidden, bad request, unknown model), {@code LlmRateLimited} (retryable, with the
   *     endpoint's Retry-After as next retry delay) or {@code LlmUnavailable} (retryable: 5xx,
   *     timeout, connection refused)
   */
  LlmReply complete(LlmRequest request, StreamListener listener);
}
