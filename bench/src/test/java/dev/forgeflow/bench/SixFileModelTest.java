package dev.forgeflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forgeflow.agents.llm.FakeResponse;
import dev.forgeflow.agents.llm.RecordedRequest;
import dev.forgeflow.agents.offline.OfflinePlanner;
import dev.forgeflow.agents.support.Json;
import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SixFileModelTest {
  private final SixFileModel model = new SixFileModel();

  @Test
  void architectureOfOneResourcePlansExactlySixFiles() {
    FakeResponse response = model.apply(request("SystemArchitecture", charterPrompt()));

    assertThat(plan(response))
        .extracting(PlannedFile::path)
        .containsExactly(
            "app/__init__.py",
            "app/database.py",
            "app/models.py",
            "app/routers/books.py",
            "app/main.py",
            "tests/test_books.py");
  }

  @Test
  void otherAnswersAreTheFakeModelsOwn() {
    FakeResponse response = model.apply(request("ReviewReport", charterPrompt()));

    assertThat(content(response).path("approved").asBoolean()).isTrue();
  }

  private static String charterPrompt() {
    String charter = Json.write(new OfflinePlanner().charter(BenchOptions.DEFAULT_PROMPT));
    return "Charter (JSON):\n" + charter + "\n\nDesign it.";
  }

  private static RecordedRequest request(String schema, String user) {
    ObjectNode body = Json.MAPPER.createObjectNode().put("model", "fake-model");
    body.putArray("messages").addObject().put("role", "user").put("content", user);
    body.putObject("response_format").putObject("json_schema").put("name", schema);
    return new RecordedRequest("POST", "/v1/chat/completions", Map.of(), body.toString());
  }

  private static List<PlannedFile> plan(FakeResponse response) {
    return Json.read(content(response).toString(), SystemArchitecture.class).filePlan();
  }

  private static JsonNode content(FakeResponse response) {
    try {
      JsonNode body = Json.MAPPER.readTree(response.parts().get(0));
      return Json.MAPPER.readTree(
          body.path("choices").path(0).path("message").path("content").asText());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
