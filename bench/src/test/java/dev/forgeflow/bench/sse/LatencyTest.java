package dev.forgeflow.bench.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatencyTest {

  @Test
  void percentilesAreByNearestRankOverEveryValue() {
    List<Double> millis =
        new ArrayList<>(IntStream.rangeClosed(1, 1000).mapToObj(i -> i / 10.0).toList());
    Collections.shuffle(millis, new Random(3));

    assertThat(Latency.of(millis)).isEqualTo(new Latency(1000, 50.0, 95.0, 99.0, 100.0));
  }

  @Test
  void oneSlowDeliveryInAHundredIsTheP99() {
    List<Double> millis = new ArrayList<>(Collections.nCopies(99, 1.0));
    millis.add(300.0);

    Latency latency = Latency.of(millis);

    assertThat(latency.p99()).isEqualTo(1.0);
    assertThat(latency.max()).isEqualTo(300.0);
  }
}
