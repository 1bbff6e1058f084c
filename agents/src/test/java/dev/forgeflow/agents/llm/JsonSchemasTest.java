package dev.forgeflow.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.core.JsonSchemaValidator;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.ReviewReport;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void artifactSchemasPassOpenAiStrictModeValidation() {
    for (Class<?> type :
        List.of(
            ProjectCharter.class, SystemArchitecture.class, ReviewReport.class, FileDraft.class)) {
      JsonSchemaValidator validator = JsonSchemaValidator.Companion.create().validate(tree(type));

      assertThat(validator.errors()).as(type.getSimpleName()).isEmpty();
    }
  }

  @Test
  void everyPropertyIsRequiredAndNoOthersAreAllowed() {
    JsonNode charter = tree(ProjectCharter.class);

    assertThat(charter.path("required"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "name", "description", "entities", "endpoints", "businessRules", "authRequired");
    assertThat(charter.path("additionalProperties").asBoolean(true)).isFalse();
    JsonNode field = charter.at("/properties/entities/items/properties/fields/items");
    assertThat(field.path("additionalProperties").asBoolean(true)).isFalse();
    assertThat(field.at("/properties/required/type").asText()).isEqualTo("boolean");
    assertThat(charter.at("/properties/businessRules/items/type").asText()).isEqualTo("string");
  }

  @Test
  void documentedNullableComponentsAcceptNullAndOthersDoNot() {
    JsonNode field =
        tree(ProjectCharter.class)
            .at("/properties/entities/items/properties/fields/items/properties");

    assertThat(field.at("/references/type"))
        .extracting(JsonNode::asText)
        .containsExactly("string", "null");
    assertThat(field.at("/name/type").asText()).isEqualTo("string");
    assertThat(tree(ReviewReport.class).at("/properties/issues/items/properties/file/type"))
        .extracting(JsonNode::asText)
        .containsExactly("string", "null");
  }

  @Test
  void severityIsAStringEnumAndLineAnInteger() {
    JsonNode issue = tree(ReviewReport.class).at("/properties/issues/items/properties");

    assertThat(issue.at("/severity/enum"))
        .extracting(JsonNode::asText)
        .containsExactly("BLOCKER", "MAJOR", "MINOR", "INFO");
    assertThat(issue.at("/line/type").asText()).isEqualTo("integer");
  }

  record WithMap(Map<String, String> tags) {}

  record Node(String name, List<Node> children) {}

  @Test
  void unsupportedShapesAreRefusedClearly() {
    assertThatThrownBy(() -> JsonSchemas.forRecord(String.class))
        .hasMessageContaining("not a record");
    assertThatThrownBy(() -> JsonSchemas.forRecord(WithMap.class)).hasMessageContaining("Map");
    assertThatThrownBy(() -> JsonSchemas.forRecord(Node.class)).hasMessageContaining("recursive");
  }

  private static JsonNode tree(Class<?> type) {
    return JSON.valueToTree(JsonSchemas.forRecord(type).schema());
  }
}
