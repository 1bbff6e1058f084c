package dev.forgeflow.store;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes the threads waiting for new events of a run. Each run someone waits on has a generation
 * counter; a waiter notes the generation, reads, and if it found nothing sleeps until the
 * generation moves on, so a signal between its read and its sleep is never lost.
 */
final class RunSignals {

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Waiters> byRun = new HashMap<>();

  /** Registers interest in a run; close the subscription when done waiting. */
  Subscription subscribe(String runId) {
    lock.lock();
    try {
      Waiters waiters = byRun.computeIfAbsent(runId, id -> new Waiters(lock.newCondition()));
      waiters.count++;
      return new Subscription(runId, waiters);
    } finally {
      lock.unlock();
    }
  }

  /** Something was appended to the run. */
  void signal(String runId) {
    lock.lock();
    try {
      Waiters waiters = byRun.get(runId);
      if (waiters != null) {
        waiters.wake();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Anything may have been appended to any run, e.g. while the listener was not listening. */
  void signalAll() {
    lock.lock();
    try {
      byRun.values().forEach(Waiters::wake);
    } finally {
      lock.unlock();
    }
  }

  private static final class Waiters {
    private final Condition changed;
    private int count;
    private long generation;

    private Waiters(Condition changed) {
      this.changed = changed;
    }

    private void wake() {
      generation++;
      changed.signalAll();
    }
  }

  /** One waiter's interest in one run. */
  final class Subscription implements AutoCloseable {
    private final String runId;
    private final Waiters waiters;

    private Subscription(String runId, Waiters waiters) {
      this.runId = runId;
      this.waiters = waiters;
    }

    /** The current generation; note it before reading. */
    long generation() {
      lock.lock();
      try {
        return waiters.generation;
      } finally {
        lock.unlock();
      }
    }

    /** Sleeps until the generation differs from {@code seen} or the time is up. */
    void awaitChange(long seen, long timeoutNanos) throws InterruptedException {
      lock.lock();
      try {
        long remaining = timeoutNanos;
        while (waiters.generation == seen && remaining > 0) {
          remaining = waiters.changed.awaitNanos(remaining);
        }
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void close() {
      lock.lock();
      try {
        if (--waiters.count == 0) {
          byRun.remove(runId);
        }
      } finally {
        lock.unlock();
      }
    }
  }
}
