package dev.forgeflow.agents.llm;

import com.openai.core.http.Headers;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Reads how long an endpoint asked us to wait: {@code retry-after-ms}, then {@code Retry-After}.
 */
final class RetryAfter {
  private RetryAfter() {}

  static Optional<Duration> from(Headers headers, Clock clock) {
    Optional<Duration> millis = first(headers, "retry-after-ms").flatMap(v -> number(v, 1));
    if (millis.isPresent()) {
      return millis;
    }
    return first(headers, "retry-after").flatMap(v -> parse(v, clock));
  }

  /** Seconds ({@code 3}, {@code 1.5}) or an HTTP date; a date in the past means no wait. */
  static Optional<Duration> parse(String value, Clock clock) {
    Optional<Duration> seconds = number(value, 1000);
    if (seconds.isPresent()) {
      return seconds;
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> number(String value, double millisPerUnit) {
    try {
      double amount = Double.parseDouble(value.strip());
      if (amount >= 0 && Double.isFinite(amount)) {
        return Optional.of(Duration.ofMillis(Math.round(amount * millisPerUnit)));
      }
    } catch (NumberFormatException e) {
      // not a number: maybe a date
    }
    return Optional.empty();
  }

  private static Optional<String> first(Headers headers, String name) {
    List<String> values = headers.values(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
