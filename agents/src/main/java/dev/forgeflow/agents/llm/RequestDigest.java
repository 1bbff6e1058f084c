package dev.forgeflow.agents.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Names a request by what the model is asked: the model, the messages and the schema, as SHA-256 in
 * lower-case hex. Whether the reply streams, and who asks for which run, do not change it.
 */
final class RequestDigest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RequestDigest() {}

  static String of(LlmRequest request) {
    JsonSchemaSpec schema = request.schema();
    Object asked =
        Arrays.asList(
            request.model(),
            request.system(),
            request.user(),
            schema == null ? null : schema.name(),
            schema == null ? null : schema.schema());
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(asked)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a request is plain data", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
