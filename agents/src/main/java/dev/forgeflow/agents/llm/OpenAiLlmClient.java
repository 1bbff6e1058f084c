package dev.forgeflow.agents.llm;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link LlmClient} over openai-java, with a fallback chain of endpoints and no own retries. */
final class OpenAiLlmClient implements LlmClient {
  private static final Logger log = LoggerFactory.getLogger(OpenAiLlmClient.class);

  private final List<OpenAiEndpointCall> calls;

  OpenAiLlmClient(LlmSettings settings, Clock clock) {
    LlmFailures failures = new LlmFailures(clock, settings.timeout());
    this.calls =
        settings.endpoints().stream()
            .map(e -> new OpenAiEndpointCall(e, client(e, settings.timeout()), failures))
            .toList();
  }

  @Override
  public LlmReply complete(LlmRequest request, StreamListener listener) {
    List<ApplicationFailure> failures = new ArrayList<>();
    for (OpenAiEndpointCall call : calls) {
      try {
        return call.complete(request, listener);
      } catch (ApplicationFailure failure) {
        if (failure.isNonRetryable()) {
          throw failure;
        }
        failures.add(failure);
        if (failures.size() < calls.size()) {
          log.warn("{}; trying the next endpoint", failure.getOriginalMessage());
        }
      }
    }
    throw LlmFailures.allFailed(failures);
  }

  private static OpenAIClient client(LlmEndpoint endpoint, Duration timeout) {
    Duration connect =
        timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10);
    return OpenAIOkHttpClient.builder()
        .baseUrl(endpoint.baseUrl())
        .apiKey(endpoint.apiKey())
        // Temporal owns retries: a retry here would hide failures from the activity's policy.
        .maxRetries(0)
        .timeout(
            Timeout.builder()
                .connect(connect)
                .read(timeout)
                .write(timeout)
                .request(timeout)
                .build())
        .build();
  }
}
