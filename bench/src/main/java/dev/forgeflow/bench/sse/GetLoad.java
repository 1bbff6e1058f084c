package dev.forgeflow.bench.sse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The baseline: plain GETs of one cheap route in bursts of {@code concurrency} at once, through the
 * same kind of client as the streams. A burst is due every interval, or as soon as the one before
 * it is answered if that takes longer, so never more than {@code concurrency} requests are in
 * flight. Each request is timed from just before it is issued to its whole response read.
 */
final class GetLoad {
  private GetLoad() {}

  /**
   * Latencies in ms of {@code bursts} × {@code concurrency} GETs.
   *
   * @throws IllegalStateException if a request fails or answers other than 200, or a burst is not
   *     answered within {@code patience}
   */
  static List<Double> run(
      SseClient client,
      String path,
      int concurrency,
      int bursts,
      Duration interval,
      Duration patience) {
    AtomicLongArray nanos = new AtomicLongArray(bursts * concurrency);
    Pacer.run(bursts, interval, k -> burst(client, path, concurrency, k, nanos, patience));
    List<Double> millis = new ArrayList<>(nanos.length());
    for (int i = 0; i < nanos.length(); i++) {
      millis.add(nanos.get(i) / 1e6);
    }
    return millis;
  }

  private static void burst(
      SseClient client,
      String path,
      int concurrency,
      int k,
      AtomicLongArray nanos,
      Duration patience) {
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch answered = new CountDownLatch(concurrency);
    for (int i = 0; i < concurrency; i++) {
      int slot = k * concurrency + i;
      long start = System.nanoTime();
      client
          .get(path)
          .subscribe(
              status -> {
                nanos.set(slot, System.nanoTime() - start);
                if (status != 200) {
                  failures.add("status " + status);
                }
                answered.countDown();
              },
              failure -> {
                failures.add(failure.toString());
                answered.countDown();
              });
    }
    boolean done;
    try {
      done = answered.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for GET " + path, e);
    }
    if (!done || !failures.isEmpty()) {
      throw new IllegalStateException(
          String.format(
              "GET %s, burst %d: %d of %d unanswered, %d failed (first: %s)",
              path, k + 1, answered.getCount(), concurrency, failures.size(), failures.peek()));
    }
  }
}
