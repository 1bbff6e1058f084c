package dev.forgeflow.bench.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeflow.bench.sse.Deliveries.Subscriber;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DeliveriesTest {

  /** Seqs 1..n appended to run "r", seq k started at k ms and returned at k ms + 0.5 ms. */
  private static Map<String, List<Append>> appended(int n) {
    return Map.of(
        "r",
        LongStream.rangeClosed(1, n)
            .mapToObj(k -> new Append(k, k * 1_000_000, k * 1_000_000 + 500_000))
            .toList());
  }

  /** A subscriber of run "r" that received these seqs, each 2 ms after its append started. */
  private static Subscriber received(int index, long... seqs) {
    Receipts receipts = new Receipts(seqs.length);
    for (long seq : seqs) {
      receipts.event(seq, seq * 1_000_000 + 2_000_000);
    }
    return new Subscriber(index, "r", receipts);
  }

  @Test
  void everyEventOnceAndInOrderPasses() {
    Deliveries.verify(List.of(received(0, 1, 2, 3), received(1, 1, 2, 3)), appended(3));

    assertThat(Deliveries.problem(received(0, 1, 2, 3), appended(3).get("r"))).isEmpty();
  }

  @Test
  void aMissingEventIsNamed() {
    assertThat(Deliveries.problem(received(4, 1, 3), appended(3).get("r")))
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .contains("subscriber 4 (run r) received 2 events, 3 were appended")
                    .contains("missing [2]"));
  }

  @Test
  void aDuplicateAStrayAndAReorderingAreNamed() {
    assertThat(Deliveries.problem(received(0, 1, 2, 2, 3), appended(3).get("r")))
        .hasValueSatisfying(why -> assertThat(why).contains("received more than once [2]"));
    assertThat(Deliveries.problem(received(0, 1, 2, 3, 9), appended(3).get("r")))
        .hasValueSatisfying(why -> assertThat(why).contains("never appended [9]"));
    assertThat(Deliveries.problem(received(0, 1, 3, 2), appended(3).get("r")))
        .hasValueSatisfying(why -> assertThat(why).contains("out of order at #3"));
  }

  @Test
  void howAStreamEndedAndWhatItSaidAreNamed() {
    Subscriber dropped = received(2, 1);
    dropped.receipts().comment("too slow: reconnect with Last-Event-ID: 1 to resume");
    dropped.receipts().ended("the stream ended");

    assertThat(Deliveries.problem(dropped, appended(2).get("r")))
        .hasValueSatisfying(
            why -> assertThat(why).contains("the stream ended").contains("said 'too slow"));
  }

  @Test
  void verifyFailsNamingHowManySubscribersWereNotExact() {
    List<Subscriber> subscribers = List.of(received(0, 1, 2), received(1, 1), received(2));

    assertThatThrownBy(() -> Deliveries.verify(subscribers, appended(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2 of 3 subscribers did not receive every event exactly once")
        .hasMessageContaining("subscriber 1 ")
        .hasMessageContaining("subscriber 2 ");
  }

  @Test
  void latenciesAreOnePerDeliveryFromTheAppendsStartOrEnd() {
    List<Subscriber> subscribers = List.of(received(0, 1, 2), received(1, 1, 2));

    assertThat(Deliveries.latenciesMillis(subscribers, appended(2), Append::startNanos))
        .containsExactly(2.0, 2.0, 2.0, 2.0);
    assertThat(Deliveries.latenciesMillis(subscribers, appended(2), Append::endNanos))
        .containsExactly(1.5, 1.5, 1.5, 1.5);
  }
}
