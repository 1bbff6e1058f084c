package dev.forgeflow.agents.llm;

import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIServiceException;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The failure types model calls end in, and the mapping from openai-java's exceptions to them.
 * Messages name the endpoint URL, the status and the provider's message, never the key.
 */
public final class LlmFailures {
  /** Permanent: bad key, forbidden, bad request, unknown model. Not retried. */
  public static final String REJECTED = "LlmRejected";

  /** Transient: the endpoint asked to slow down; carries its Retry-After as next retry delay. */
  public static final String RATE_LIMITED = "LlmRateLimited";

  /** Transient: 5xx, timeout, connection refused, unreadable response. */
  public static final String UNAVAILABLE = "LlmUnavailable";

  /** Permanent: the model's output did not follow the schema, even after one repair re-ask. */
  public static final String MALFORMED_OUTPUT = "MalformedModelOutput";

  private final Clock clock;
  private final Duration timeout;

  LlmFailures(Clock clock, Duration timeout) {
    this.clock = clock;
    this.timeout = timeout;
  }

  ApplicationFailure map(OpenAIException e, LlmEndpoint endpoint, String model) {
    String url = endpoint.baseUrl();
    if (e instanceof OpenAIServiceException service) {
      return fromStatus(service, endpoint, model);
    }
    if (e instanceof OpenAIInvalidDataException) {
      return retryable(
          UNAVAILABLE,
          "LLM endpoint "
              + url
              + " returned a response that could not be read: "
              + endpoint.redact(e.getMessage()),
          null);
    }
    return retryable(UNAVAILABLE, "LLM endpoint " + url + " " + IoCause.describe(e, timeout), null);
  }

  private ApplicationFailure fromStatus(
      OpenAIServiceException e, LlmEndpoint endpoint, String model) {
    int status = e.statusCode();
    String detail = endpoint.redact(ProviderMessage.of(e));
    String prefix = "LLM endpoint " + endpoint.baseUrl() + " answered HTTP " + status;
    if (status == 429) {
      Duration delay = RetryAfter.from(e.headers(), clock).orElse(null);
      String wait = delay == null ? "" : " (retry after " + delay.toMillis() + " ms)";
      return retryable(RATE_LIMITED, prefix + ", rate limited" + wait + ": " + detail, delay);
    }
    if (status >= 400 && status < 500 && status != 408 && status != 409) {
      return ApplicationFailure.newBuilder()
          .setType(REJECTED)
          .setMessage(prefix + " for model '" + model + "'" + hint(status) + ": " + detail)
          .setNonRetryable(true)
          .build();
    }
    return retryable(UNAVAILABLE, prefix + ", unavailable: " + detail, null);
  }

  private static String hint(int status) {
    return switch (status) {
      case 401 -> " (check the API key)";
      case 403 -> " (the key may not use this model)";
      case 404 -> " (unknown model or wrong base URL)";
      default -> "";
    };
  }

  static ApplicationFailure allFailed(List<ApplicationFailure> failures) {
    ApplicationFailure last = failures.get(failures.size() - 1);
    if (failures.size() == 1) {
      return last;
    }
    String all =
        failures.stream()
            .map(ApplicationFailure::getOriginalMessage)
            .collect(Collectors.joining("; "));
    return retryable(
        last.getType(),
        "all " + failures.size() + " LLM endpoints failed: " + all,
        last.getNextRetryDelay());
  }

  private static ApplicationFailure retryable(String type, String message, Duration delay) {
    ApplicationFailure.Builder failure =
        ApplicationFailure.newBuilder().setType(type).setMessage(message);
    if (delay != null) {
      failure.setNextRetryDelay(delay);
    }
    return failure.build();
  }
}
