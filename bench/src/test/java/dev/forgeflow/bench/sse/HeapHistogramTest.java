package dev.forgeflow.bench.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeapHistogramTest {

  private static final String BEFORE =
      """
      1234:
       num     #instances         #bytes  class name (module)
      -------------------------------------------------------
         1:         50000        4000000  [B (java.base@17.0.15)
         2:         40000         960000  java.lang.String (java.base@17.0.15)
         3:          1000          64000  reactor.util.concurrent.SpscArrayQueue
      Total        91000        5024000
      """;

  private static final String AFTER =
      """
      1234:
       num     #instances         #bytes  class name (module)
      -------------------------------------------------------
         1:         51000        4500000  [B (java.base@17.0.15)
         2:         40100         962400  java.lang.String (java.base@17.0.15)
         3:          2000         128000  reactor.util.concurrent.SpscArrayQueue
         4:          1000          24000  dev.forgeflow.store.feed.FeedSubscription
      Total        94100        5614400
      """;

  @Test
  void theTotalIsTheLiveBytes() {
    assertThat(HeapHistogram.parse(BEFORE).totalBytes()).isEqualTo(5_024_000);
    assertThat(HeapHistogram.parse(BEFORE).bytesByClass()).containsEntry("[B", 4_000_000L);
  }

  @Test
  void theClassesThatGrewMostComeFirst() {
    assertThat(HeapHistogram.parse(AFTER).mostGrownSince(HeapHistogram.parse(BEFORE), 3))
        .containsExactly(
            new HeapHistogram.Growth("[B", 500_000),
            new HeapHistogram.Growth("reactor.util.concurrent.SpscArrayQueue", 64_000),
            new HeapHistogram.Growth("dev.forgeflow.store.feed.FeedSubscription", 24_000));
  }

  @Test
  void outputWithoutATotalIsRefused() {
    assertThatThrownBy(() -> HeapHistogram.parse("1234:\nNo such process\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a class histogram");
  }
}
