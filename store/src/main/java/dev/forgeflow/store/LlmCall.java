package dev.forgeflow.store;

import java.time.OffsetDateTime;

/**
 * One call to a language model, for usage and cost accounting.
 *
 * @param costUsd the call's cost in US dollars, kept to six decimal places
 * @param outcome how the call ended, e.g. {@code ok}, {@code timeout}, {@code invalid_output}
 * @param at when the call was made; {@code null} when recording means now
 */
public record LlmCall(
    String runId,
    String agent,
    String model,
    String endpoint,
    long promptTokens,
    long completionTokens,
    double costUsd,
    long latencyMs,
    int attempt,
    String outcome,
    OffsetDateTime at) {}
