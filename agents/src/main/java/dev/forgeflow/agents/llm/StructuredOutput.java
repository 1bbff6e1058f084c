package dev.forgeflow.agents.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Optional;

/**
 * Asks a model for JSON that follows a record's schema and parses it, re-asking once with the error
 * when the output is unusable.
 */
public final class StructuredOutput {
  private final LlmClient client;
  private final JsonReplyParser parser;

  public StructuredOutput(LlmClient client, ObjectMapper mapper) {
    this.client = client;
    this.parser = new JsonReplyParser(mapper);
  }

  public StructuredOutput(LlmClient client) {
    this(client, new ObjectMapper().findAndRegisterModules());
  }

  /**
   * Calls the model with {@code type}'s schema (or the request's own, if it has one) and parses the
   * reply. Output that is not JSON, or breaks the schema (missing fields, wrong types, null where a
   * value is required), gets exactly one repair re-ask.
   *
   * @throws ApplicationFailure non-retryable, of type {@link LlmFailures#MALFORMED_OUTPUT} naming
   *     the agent, when the repaired output is unusable too; and whatever {@link
   *     LlmClient#complete} throws
   */
  public <T> Structured<T> call(LlmRequest request, Class<T> type, StreamListener listener) {
    JsonSchemaSpec schema =
        Optional.ofNullable(request.schema()).orElseGet(() -> JsonSchemas.forRecord(type));
    LlmRequest first = request.withSchema(schema);
    LlmReply reply = client.complete(first, listener);
    JsonReplyParser.Parsed<T> parsed = parser.parse(reply.text(), schema, type);
    if (parsed.ok()) {
      return new Structured<>(parsed.value(), List.of(reply));
    }
    LlmReply repair =
        client.complete(
            first.withUser(RepairPrompt.of(request.user(), reply.text(), parsed.problem())),
            listener);
    JsonReplyParser.Parsed<T> repaired = parser.parse(repair.text(), schema, type);
    if (repaired.ok()) {
      return new Structured<>(repaired.value(), List.of(reply, repair));
    }
    throw ApplicationFailure.newBuilder()
        .setType(LlmFailures.MALFORMED_OUTPUT)
        .setMessage(
            "The "
                + request.agent()
                + " agent's model ("
                + request.model()
                + ") returned no valid "
                + schema.name()
                + " JSON, even after a repair re-ask: "
                + repaired.problem())
        .setNonRetryable(true)
        .build();
  }
}
