package dev.forgeflow.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.http.Headers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private final Clock clock = Clock.fixed(Instant.parse("2025-01-01T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void secondsAndFractionsOfSeconds() {
    assertThat(RetryAfter.parse("12", clock)).contains(Duration.ofSeconds(12));
    assertThat(RetryAfter.parse("1.5", clock)).contains(Duration.ofMillis(1500));
  }

  @Test
  void httpDateIsMeasuredFromNow() {
    assertThat(RetryAfter.parse("Wed, 01 Jan 2025 12:00:30 GMT", clock))
        .contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Wed, 01 Jan 2025 11:00:00 GMT", clock)).contains(Duration.ZERO);
  }

  @Test
  void garbageGivesNoDelay() {
    assertThat(RetryAfter.parse("later", clock)).isEmpty();
    assertThat(RetryAfter.parse("-3", clock)).isEmpty();
  }

  @Test
  void millisecondHeaderWinsOverSeconds() {
    Headers headers =
        Headers.builder().put("Retry-After", "9").put("retry-after-ms", "250").build();

    assertThat(RetryAfter.from(headers, clock)).contains(Duration.ofMillis(250));
    assertThat(RetryAfter.from(Headers.builder().put("retry-after", "9").build(), clock))
        .contains(Duration.ofSeconds(9));
  }
}
