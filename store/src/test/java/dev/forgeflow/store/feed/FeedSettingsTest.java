package dev.forgeflow.store.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeedSettingsTest {

  private static final Set<String> ENDS = Set.of("run.completed");

  @Test
  void defaultsBufferAThousandEventsAndRecheckEveryFiveSeconds() {
    FeedSettings settings = FeedSettings.of(ENDS);
    assertThat(settings.bufferSize()).isEqualTo(1_000);
    assertThat(settings.recheckInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.terminalTypes()).containsExactly("run.completed");
  }

  @Test
  void impossibleSettingsAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> FeedSettings.of(Set.of())).hasMessageContaining("terminalTypes");
    assertThatThrownBy(() -> FeedSettings.of(ENDS).withBufferSize(0))
        .hasMessageContaining("bufferSize");
    assertThatThrownBy(() -> FeedSettings.of(ENDS).withRecheckInterval(Duration.ZERO))
        .hasMessageContaining("recheckInterval");
    assertThatThrownBy(() -> FeedSettings.of(ENDS).withReaderThreads(0))
        .hasMessageContaining("readerThreads");
  }
}
