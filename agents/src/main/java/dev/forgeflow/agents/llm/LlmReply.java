package dev.forgeflow.agents.llm;

/**
 * A completed model call.
 *
 * @param text the reply's content
 * @param model the model that answered, as the endpoint named it
 * @param endpoint the base URL of the endpoint that answered
 * @param promptTokens prompt tokens the endpoint reported (0 if it reported none)
 * @param completionTokens completion tokens the endpoint reported (0 if it reported none)
 * @param latencyMs wall time of the call
 */
public record LlmReply(
    String text,
    String model,
    String endpoint,
    long promptTokens,
    long completionTokens,
    long latencyMs) {}
