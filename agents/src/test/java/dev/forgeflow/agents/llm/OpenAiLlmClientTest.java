package dev.forgeflow.agents.llm;

import static dev.forgeflow.agents.llm.LlmFixtures.KEY;
import static dev.forgeflow.agents.llm.LlmFixtures.request;
import static dev.forgeflow.agents.llm.LlmFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenAiLlmClientTest {

  @Test
  void completionReturnsTextModelTokensAndEndpoint() {
    try (FakeLlmServer server =
        FakeLlmServer.scripted(FakeResponse.completion("fake-model-2024", "hello", 12, 3))) {
      LlmReply reply =
          LlmClients.openAi(settings(server.baseUrl()))
              .complete(request("reviewer"), StreamListener.NONE);

      assertThat(reply.text()).isEqualTo("hello");
      assertThat(reply.model()).isEqualTo("fake-model-2024");
      assertThat(reply.endpoint()).isEqualTo(server.baseUrl());
      assertThat(reply.promptTokens()).isEqualTo(12);
      assertThat(reply.completionTokens()).isEqualTo(3);
      RecordedRequest sent = server.requests().get(0);
      assertThat(sent.path()).isEqualTo("/v1/chat/completions");
      assertThat(sent.header("Authorization")).isEqualTo("Bearer " + KEY);
      assertThat(sent.model()).isEqualTo("fake-model");
      assertThat(sent.message("system")).isEqualTo("You are terse.");
      assertThat(sent.message("user")).isEqualTo("Say hi.");
      assertThat(sent.json().has("response_format")).isFalse();
    }
  }

  @Test
  void schemaIsSentAsStrictJsonSchemaResponseFormat() {
    try (FakeLlmServer server = FakeLlmServer.scripted(FakeResponse.completion("{}"))) {
      LlmRequest request =
          request("requirements").withSchema(JsonSchemas.forRecord(ProjectCharter.class));
      LlmClients.openAi(settings(server.baseUrl())).complete(request, StreamListener.NONE);

      JsonNode format = server.requests().get(0).json().path("response_format");
      assertThat(format.path("type").asText()).isEqualTo("json_schema");
      assertThat(format.path("json_schema").path("name").asText()).isEqualTo("ProjectCharter");
      assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
      JsonNode schema = format.path("json_schema").path("schema");
      assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
      assertThat(
              schema
                  .path("properties")
                  .path("entities")
                  .path("items")
                  .path("properties")
                  .has("fields"))
          .isTrue();
    }
  }

  @Test
  void unauthorizedFailsFastNamingTheUrlButNotTheKey() {
    try (FakeLlmServer server =
        FakeLlmServer.scripted(FakeResponse.error(401, "Incorrect API key provided: " + KEY))) {
      ApplicationFailure failure = failureOf(settings(server.baseUrl()));

      assertThat(failure.getType()).isEqualTo(LlmFailures.REJECTED);
      assertThat(failure.isNonRetryable()).isTrue();
      assertThat(failure.getOriginalMessage())
          .contains(server.baseUrl(), "401", "Incorrect API key provided", "check the API key")
          .doesNotContain(KEY);
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void badRequestForbiddenAndUnknownModelAreRejected() {
    for (int status : new int[] {400, 403, 404}) {
      try (FakeLlmServer server =
          FakeLlmServer.scripted(FakeResponse.error(status, "nope " + status))) {
        ApplicationFailure failure = failureOf(settings(server.baseUrl()));

        assertThat(failure.getType()).isEqualTo(LlmFailures.REJECTED);
        assertThat(failure.isNonRetryable()).isTrue();
        assertThat(failure.getOriginalMessage())
            .contains("HTTP " + status, "nope " + status, "fake-model");
      }
    }
  }

  @Test
  void rateLimitIsRetryableWithTheRetryAfterDelay() {
    try (FakeLlmServer server =
        FakeLlmServer.scripted(
            FakeResponse.error(429, "slow down").withHeader("Retry-After", "7"))) {
      ApplicationFailure failure = failureOf(settings(server.baseUrl()));

      assertThat(failure.getType()).isEqualTo(LlmFailures.RATE_LIMITED);
      assertThat(failure.isNonRetryable()).isFalse();
      assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
      assertThat(failure.getOriginalMessage()).contains(server.baseUrl(), "429", "slow down");
      assertThat(server.requests()).as("openai-java's own retries are off").hasSize(1);
    }
  }

  @Test
  void serverErrorIsRetryableUnavailable() {
    try (FakeLlmServer server = FakeLlmServer.scripted(FakeResponse.error(503, "overloaded"))) {
      ApplicationFailure failure = failureOf(settings(server.baseUrl()));

      assertThat(failure.getType()).isEqualTo(LlmFailures.UNAVAILABLE);
      assertThat(failure.isNonRetryable()).isFalse();
      assertThat(failure.getOriginalMessage()).contains(server.baseUrl(), "503", "overloaded");
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void unreachableEndpointIsUnavailableNamingTheUrl() {
    String closed = LlmFixtures.closedPortUrl();
    ApplicationFailure failure = failureOf(settings(closed));

    assertThat(failure.getType()).isEqualTo(LlmFailures.UNAVAILABLE);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getOriginalMessage()).contains(closed, "could not be reached");
  }

  @Test
  void slowEndpointTimesOutAsUnavailable() {
    try (FakeLlmServer slow =
        FakeLlmServer.start(r -> FakeResponse.completion("late"), Duration.ofSeconds(3))) {
      ApplicationFailure failure = failureOf(settings(Duration.ofMillis(500), slow.baseUrl()));

      assertThat(failure.getType()).isEqualTo(LlmFailures.UNAVAILABLE);
      assertThat(failure.getOriginalMessage()).contains(slow.baseUrl(), "timed out");
    }
  }

  private static ApplicationFailure failureOf(LlmSettings settings) {
    return catchThrowableOfType(
        ApplicationFailure.class,
        () -> LlmClients.openAi(settings).complete(request("requirements"), StreamListener.NONE));
  }
}
