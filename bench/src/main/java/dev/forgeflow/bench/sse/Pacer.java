package dev.forgeflow.bench.sse;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Calls {@code tick} {@code ticks} times on the calling thread, tick {@code k} due at the start +
 * {@code k} × the interval: a tick that comes late runs at once, so the schedule keeps its rate
 * rather than stretching.
 */
final class Pacer {
  private Pacer() {}

  /** Returns the nanoseconds from the first tick's start to the last one's end. */
  static long run(int ticks, Duration interval, IntConsumer tick) {
    long start = System.nanoTime();
    for (int k = 0; k < ticks; k++) {
      long due = start + k * interval.toNanos();
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      tick.accept(k);
    }
    return System.nanoTime() - start;
  }
}
