package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResumePointTest {

  @Test
  void noIdStartsAtTheBeginning() {
    assertThat(ResumePoint.of(null, null)).isEqualTo(new ResumePoint.After(0));
    assertThat(ResumePoint.of("  ", "")).isEqualTo(new ResumePoint.After(0));
  }

  @Test
  void theHeaderResumesAfterTheEventItNames() {
    assertThat(ResumePoint.of("42", null)).isEqualTo(new ResumePoint.After(42));
    assertThat(ResumePoint.of(" 7 ", null)).isEqualTo(new ResumePoint.After(7));
    assertThat(ResumePoint.of("0", null)).isEqualTo(new ResumePoint.After(0));
  }

  @Test
  void theHeaderWinsOverTheQueryParameter() {
    assertThat(ResumePoint.of("5", "9")).isEqualTo(new ResumePoint.After(5));
    assertThat(ResumePoint.of(null, "9")).isEqualTo(new ResumePoint.After(9));
  }

  @Test
  void theLargestSeqIsAccepted() {
    assertThat(ResumePoint.of(Long.toString(Long.MAX_VALUE), null))
        .isEqualTo(new ResumePoint.After(Long.MAX_VALUE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "abc", "1.5", "+3", "1e3", "0x10", "9223372036854775808", "١٢"})
  void anythingButANonNegativeIntegerIsMalformed(String id) {
    assertThat(ResumePoint.of(id, null)).isInstanceOf(ResumePoint.Malformed.class);
    assertThat(ResumePoint.of(null, id)).isInstanceOf(ResumePoint.Malformed.class);
  }

  @Test
  void theReasonQuotesTheIdShortened() {
    ResumePoint.Malformed malformed = (ResumePoint.Malformed) ResumePoint.of("x".repeat(500), null);

    assertThat(malformed.reason()).startsWith("Last-Event-ID must be").hasSizeLessThan(150);
  }
}
