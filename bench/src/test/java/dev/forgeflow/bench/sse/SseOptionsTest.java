package dev.forgeflow.bench.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SseOptionsTest {

  private static final String CLASSPATH = "--gateway-classpath=a.jar:b.jar";

  @Test
  void byDefaultOneTwoHundredAndAThousandSubscribersThenAThousandOverTenRuns() {
    SseOptions options = SseOptions.parse(new String[] {CLASSPATH});

    assertThat(options.levels())
        .containsExactly(
            new Level(1, 1), new Level(100, 1), new Level(1000, 1), new Level(1000, 10));
    assertThat(options.events()).isEqualTo(200);
    assertThat(options.interval()).isEqualTo(Duration.ofMillis(20));
    assertThat(options.gatewayHeap()).isEqualTo("512m");
  }

  @Test
  void levelsAndSpreadAreOptions() {
    SseOptions options =
        SseOptions.parse(new String[] {CLASSPATH, "--levels=10,50", "--spread-runs=0"});

    assertThat(options.levels()).containsExactly(new Level(10, 1), new Level(50, 1));
  }

  @Test
  void withoutTheGatewaysClasspathOrWithAnUnknownOptionItRefusesToStart() {
    assertThatThrownBy(() -> SseOptions.parse(new String[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bench/run-sse");
    assertThatThrownBy(() -> SseOptions.parse(new String[] {CLASSPATH, "--rounds=3"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown options [rounds]");
    assertThatThrownBy(() -> SseOptions.parse(new String[] {CLASSPATH, "--gateway-heap=lots"}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLevelSpreadOverMoreRunsThanSubscribersIsRefused() {
    assertThatThrownBy(() -> new Level(5, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new Level(1000, 10).runOf(13)).isEqualTo(3);
    assertThat(new Level(1, 1).label()).isEqualTo("1 subscriber, 1 run");
  }
}
