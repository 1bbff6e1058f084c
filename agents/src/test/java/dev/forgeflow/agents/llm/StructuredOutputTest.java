package dev.forgeflow.agents.llm;

import static dev.forgeflow.agents.llm.LlmFixtures.request;
import static dev.forgeflow.agents.llm.LlmFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.forgeflow.workflows.artifacts.Field;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.ReviewReport;
import dev.forgeflow.workflows.artifacts.Severity;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

class StructuredOutputTest {
  static final String CHARTER =
      """
      {"name": "bookshop", "description": "Books and reviews",
       "entities": [{"name": "Book", "plural": "books", "fields": [
          {"name": "title", "type": "str", "required": true, "references": null},
          {"name": "author_id", "type": "int", "required": false, "references": "Author"}]}],
       "endpoints": [{"method": "GET", "path": "/books", "summary": "List books"}],
       "businessRules": ["price is positive"], "authRequired": false}
      """;

  @Test
  void replyIsParsedIntoAProjectCharter() {
    try (FakeLlmServer server = FakeLlmServer.scripted(FakeResponse.completion(CHARTER))) {
      Structured<ProjectCharter> result =
          structured(server)
              .call(request("requirements"), ProjectCharter.class, StreamListener.NONE);

      ProjectCharter charter = result.value();
      assertThat(charter.name()).isEqualTo("bookshop");
      assertThat(charter.entities().get(0).fields())
          .containsExactly(
              Field.of("title", "str"), new Field("author_id", "int", false, "Author"));
      assertThat(charter.endpoints().get(0).path()).isEqualTo("/books");
      assertThat(result.replies()).hasSize(1);
      assertThat(server.requests().get(0).schemaName()).isEqualTo("ProjectCharter");
    }
  }

  @Test
  void aJsonCodeFenceIsTolerated() {
    String fenced = "```json\n" + CHARTER + "\n```";
    try (FakeLlmServer server = FakeLlmServer.scripted(FakeResponse.completion(fenced))) {
      Structured<ProjectCharter> result =
          structured(server)
              .call(request("requirements"), ProjectCharter.class, StreamListener.NONE);

      assertThat(result.value().businessRules()).containsExactly("price is positive");
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void malformedOutputIsRepairedByOneReAsk() {
    try (FakeLlmServer server =
        FakeLlmServer.scripted(
            FakeResponse.completion("Sure! Here is the charter: {name"),
            FakeResponse.completion(CHARTER))) {
      Structured<ProjectCharter> result =
          structured(server)
              .call(request("requirements"), ProjectCharter.class, StreamListener.NONE);

      assertThat(result.value().name()).isEqualTo("bookshop");
      assertThat(result.replies()).hasSize(2);
      String repair = server.requests().get(1).message("user");
      assertThat(repair)
          .startsWith("Say hi.")
          .contains("Sure! Here is the charter: {name", "not valid JSON", "only one JSON object");
      assertThat(server.requests().get(1).schemaName()).isEqualTo("ProjectCharter");
    }
  }

  @Test
  void schemaBreakingOutputIsRepairedWithTheProblemNamed() {
    String missingAndWrong = "{\"approved\": \"yes\", \"summary\": null, \"issues\": []}";
    String report =
        """
        {"approved": false, "summary": "one blocker",
         "issues": [{"severity": "BLOCKER", "file": null, "line": 0, "rule": "llm.review", "message": "no tests"}],
         "patches": []}
        """;
    try (FakeLlmServer server =
        FakeLlmServer.scripted(
            FakeResponse.completion(missingAndWrong), FakeResponse.completion(report))) {
      Structured<ReviewReport> result =
          structured(server).call(request("reviewer"), ReviewReport.class, StreamListener.NONE);

      assertThat(result.value().blockingIssues())
          .singleElement()
          .extracting(i -> i.severity())
          .isEqualTo(Severity.BLOCKER);
      assertThat(server.requests().get(1).message("user"))
          .contains(
              "$.approved: expected boolean, got string",
              "$.summary: expected string, got null",
              "missing required property 'patches'");
    }
  }

  @Test
  void aSecondMalformedOutputFailsNamingTheAgent() {
    String badSeverity =
        "{\"approved\": true, \"summary\": \"\", \"issues\": [{\"severity\": \"FATAL\", \"file\": \"a.py\", \"line\": 1, \"rule\": \"r\", \"message\": \"m\"}], \"patches\": []}";
    try (FakeLlmServer server =
        FakeLlmServer.scripted(
            FakeResponse.completion("not json"), FakeResponse.completion(badSeverity))) {
      ApplicationFailure failure =
          catchThrowableOfType(
              ApplicationFailure.class,
              () ->
                  structured(server)
                      .call(request("reviewer"), ReviewReport.class, StreamListener.NONE));

      assertThat(failure.getType()).isEqualTo(LlmFailures.MALFORMED_OUTPUT);
      assertThat(failure.isNonRetryable()).isTrue();
      assertThat(failure.getOriginalMessage()).contains("reviewer agent", "ReviewReport", "FATAL");
      assertThat(server.requests()).as("exactly one repair re-ask").hasSize(2);
    }
  }

  private static StructuredOutput structured(FakeLlmServer server) {
    return new StructuredOutput(LlmClients.openAi(settings(server.baseUrl())));
  }
}
