package dev.forgeflow.agents.llm;

import static dev.forgeflow.agents.llm.LlmFixtures.request;
import static dev.forgeflow.agents.llm.LlmFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

/** The endpoints of the fallback chain are tried in order within one call. */
class FallbackChainTest {

  @Test
  void fallbackChainMovesToTheNextEndpointOn503() {
    try (FakeLlmServer primary = FakeLlmServer.scripted(FakeResponse.error(503, "down"));
        FakeLlmServer secondary =
            FakeLlmServer.scripted(FakeResponse.completion("from secondary"))) {
      LlmReply reply =
          LlmClients.openAi(settings(primary.baseUrl(), secondary.baseUrl()))
              .complete(request("architecture"), StreamListener.NONE);

      assertThat(reply.text()).isEqualTo("from secondary");
      assertThat(reply.endpoint()).isEqualTo(secondary.baseUrl());
      assertThat(primary.requests()).hasSize(1);
      assertThat(secondary.requests()).hasSize(1);
    }
  }

  @Test
  void fallbackChainStopsAtAPermanentRejection() {
    try (FakeLlmServer primary = FakeLlmServer.scripted(FakeResponse.error(401, "bad key"));
        FakeLlmServer secondary = FakeLlmServer.scripted(FakeResponse.completion("unused"))) {
      ApplicationFailure failure = failureOf(settings(primary.baseUrl(), secondary.baseUrl()));

      assertThat(failure.getType()).isEqualTo(LlmFailures.REJECTED);
      assertThat(secondary.requests()).isEmpty();
    }
  }

  @Test
  void whenEveryEndpointFailsTheRetryableFailureNamesThemAll() {
    String closed = LlmFixtures.closedPortUrl();
    try (FakeLlmServer primary = FakeLlmServer.scripted(FakeResponse.error(502, "bad gateway"))) {
      ApplicationFailure failure = failureOf(settings(primary.baseUrl(), closed));

      assertThat(failure.getType()).isEqualTo(LlmFailures.UNAVAILABLE);
      assertThat(failure.isNonRetryable()).isFalse();
      assertThat(failure.getOriginalMessage())
          .contains("all 2", primary.baseUrl(), "bad gateway", closed);
    }
  }

  private static ApplicationFailure failureOf(LlmSettings settings) {
    return catchThrowableOfType(
        ApplicationFailure.class,
        () -> LlmClients.openAi(settings).complete(request("requirements"), StreamListener.NONE));
  }
}
