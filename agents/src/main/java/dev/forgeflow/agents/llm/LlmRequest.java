package dev.forgeflow.agents.llm;

import java.util.Objects;

/**
 * One chat completion to make.
 *
 * @param runId the run the call is made for (for usage and progress records)
 * @param agent the calling agent: {@code requirements}, {@code architecture}, {@code implementer}
 *     or {@code reviewer}
 * @param model the model name the endpoint knows
 * @param system the system message
 * @param user the user message
 * @param schema the JSON schema the reply must follow, or null for free text
 * @param stream whether to stream the reply, forwarding deltas to the listener
 */
public record LlmRequest(
    String runId,
    String agent,
    String model,
    String system,
    String user,
    JsonSchemaSpec schema,
    boolean stream) {
  public LlmRequest {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(user, "user");
  }

  /** The same request with another user message. */
  public LlmRequest withUser(String newUser) {
    return new LlmRequest(runId, agent, model, system, newUser, schema, stream);
  }

  /** The same request with another schema. */
  public LlmRequest withSchema(JsonSchemaSpec newSchema) {
    return new LlmRequest(runId, agent, model, system, user, newSchema, stream);
  }
}
