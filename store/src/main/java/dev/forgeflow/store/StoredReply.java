package dev.forgeflow.store;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A model's reply as the {@link ReplyLedger} keeps it: what the agents' {@code LlmReply} carries,
 * with the call it answered and the attempt that bought it.
 *
 * @param attempt the attempt of the activity that made the call (1 for the first)
 * @param requestSha256 the request's digest (model, messages, schema), in lower-case hex: a reply
 *     is reused only for the same request
 * @param text the reply's content
 * @param model the model that answered, as the endpoint named it
 * @param endpoint the base URL of the endpoint that answered
 * @param at when the reply was kept; {@code null} when saving means now
 */
public record StoredReply(
    ReplyKey key,
    String runId,
    int attempt,
    String requestSha256,
    String text,
    String model,
    String endpoint,
    long promptTokens,
    long completionTokens,
    long latencyMs,
    OffsetDateTime at) {
  public StoredReply {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(requestSha256, "requestSha256");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(endpoint, "endpoint");
  }
}
