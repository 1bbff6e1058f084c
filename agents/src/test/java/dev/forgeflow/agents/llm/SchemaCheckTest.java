package dev.forgeflow.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.workflows.artifacts.ReviewReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void validReportHasNoProblems() throws Exception {
    assertThat(problems("{\"approved\":true,\"summary\":\"ok\",\"issues\":[],\"patches\":[]}"))
        .isEmpty();
  }

  @Test
  void eachKindOfBreakageIsReportedWithItsPath() throws Exception {
    List<String> problems =
        problems(
            "{\"approved\":true,\"summary\":\"ok\",\"extra\":1,\"patches\":[{\"file\":\"a.py\",\"instructions\":null}],"
                + "\"issues\":[{\"severity\":\"LOW\",\"file\":null,\"line\":1.5,\"rule\":\"r\",\"message\":\"m\"}]}");

    assertThat(problems)
        .containsExactlyInAnyOrder(
            "$: unexpected property 'extra'",
            "$.patches[0].instructions: expected string, got null",
            "$.issues[0].severity: must be one of [BLOCKER, MAJOR, MINOR, INFO], got \"LOW\"",
            "$.issues[0].line: expected integer, got number");
  }

  @Test
  void topLevelNonObjectIsReported() throws Exception {
    assertThat(problems("[1,2]")).containsExactly("$: expected object, got array");
  }

  private static List<String> problems(String json) throws Exception {
    return SchemaCheck.problems(
        JSON.readTree(json), JsonSchemas.forRecord(ReviewReport.class).schema());
  }
}
