package dev.forgeflow.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forgeflow.agents.FakeModel;
import dev.forgeflow.agents.llm.FakeResponse;
import dev.forgeflow.agents.llm.RecordedRequest;
import dev.forgeflow.agents.support.Json;
import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import java.util.List;
import java.util.function.Function;

/**
 * The fake model with the architecture's file plan cut to six files for a one-resource prompt:
 * {@code app/__init__.py}, {@code app/database.py}, {@code app/models.py}, {@code
 * app/routers/<x>.py}, {@code app/main.py} and {@code tests/test_<x>.py}. Every other answer is the
 * fake model's own.
 */
final class SixFileModel implements Function<RecordedRequest, FakeResponse> {
  static final int FILES = 6;
  private static final List<String> FIXED =
      List.of("app/__init__.py", "app/database.py", "app/models.py", "app/main.py");

  private final FakeModel model = new FakeModel();

  @Override
  public FakeResponse apply(RecordedRequest request) {
    FakeResponse response = model.apply(request);
    if (!"SystemArchitecture".equals(request.schemaName()) || response.status() != 200) {
      return response;
    }
    return new FakeResponse(
        response.status(),
        response.headers(),
        response.contentType(),
        List.of(trimmed(response.parts().get(0))),
        response.pauseBetweenParts());
  }

  static boolean kept(String path) {
    return FIXED.contains(path)
        || path.startsWith("app/routers/") && !path.endsWith("/__init__.py")
        || path.startsWith("tests/test_") && !path.equals("tests/test_health.py");
  }

  private static String trimmed(String completionJson) {
    try {
      JsonNode body = Json.MAPPER.readTree(completionJson);
      ObjectNode message = (ObjectNode) body.path("choices").path(0).path("message");
      SystemArchitecture full =
          Json.read(message.path("content").asText(), SystemArchitecture.class);
      List<PlannedFile> plan = full.filePlan().stream().filter(f -> kept(f.path())).toList();
      SystemArchitecture cut =
          new SystemArchitecture(
              full.designMarkdown(),
              full.mermaid(),
              full.components(),
              full.dataModel(),
              full.endpoints(),
              plan);
      message.put("content", Json.write(cut));
      return Json.MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the fake model's completion is not JSON", e);
    }
  }
}
