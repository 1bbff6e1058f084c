package dev.forgeflow.agents.llm;

import com.openai.core.JsonValue;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;

/** Translates an {@link LlmRequest} into openai-java's chat-completion parameters. */
final class ChatParams {
  private ChatParams() {}

  static ChatCompletionCreateParams of(LlmRequest request) {
    ChatCompletionCreateParams.Builder params =
        ChatCompletionCreateParams.builder().model(request.model());
    if (!request.system().isEmpty()) {
      params.addSystemMessage(request.system());
    }
    params.addUserMessage(request.user());
    if (request.schema() != null) {
      params.responseFormat(strict(request.schema()));
    }
    if (request.stream()) {
      // Without this the stream carries no token counts.
      params.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
    }
    return params.build();
  }

  private static ResponseFormatJsonSchema strict(JsonSchemaSpec spec) {
    ResponseFormatJsonSchema.JsonSchema.Schema.Builder schema =
        ResponseFormatJsonSchema.JsonSchema.Schema.builder();
    spec.schema().forEach((key, value) -> schema.putAdditionalProperty(key, JsonValue.from(value)));
    return ResponseFormatJsonSchema.builder()
        .jsonSchema(
            ResponseFormatJsonSchema.JsonSchema.builder()
                .name(spec.name())
                .schema(schema.build())
                .strict(true)
                .build())
        .build();
  }
}
