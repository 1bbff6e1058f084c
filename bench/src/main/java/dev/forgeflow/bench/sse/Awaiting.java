package dev.forgeflow.bench.sse;

import dev.forgeflow.bench.sse.Deliveries.Subscriber;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Waits for every subscriber's stream to reach a state, and fails loudly if one never does. */
final class Awaiting {
  private static final long POLL_MILLIS = 10;

  private Awaiting() {}

  /**
   * Returns once every subscriber's receipts pass {@code test}.
   *
   * @throws IllegalStateException as soon as a waiting stream has ended, or after {@code patience}
   */
  static void all(
      List<Subscriber> subscribers, Predicate<Receipts> test, String what, Duration patience)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      List<Subscriber> waiting =
          subscribers.stream().filter(s -> !test.test(s.receipts())).toList();
      if (waiting.isEmpty()) {
        return;
      }
      Subscriber ended =
          waiting.stream().filter(s -> s.receipts().ended() != null).findFirst().orElse(null);
      if (ended != null || System.nanoTime() > deadline) {
        Subscriber shown = ended != null ? ended : waiting.get(0);
        throw new IllegalStateException(
            String.format(
                "%d of %d subscribers have not %s; subscriber %d (run %s): %d events, %s",
                waiting.size(),
                subscribers.size(),
                what,
                shown.index(),
                shown.runId(),
                shown.receipts().count(),
                ended != null ? ended.receipts().ended() : "still open after " + patience));
      }
      Thread.sleep(POLL_MILLIS);
    }
  }
}
