package dev.forgeflow.bench.sse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one subscriber's stream brought, in arrival order: each event's id (its journal seq) and
 * when it was parsed; whether the stream said it is connected; other comments (a stream dropped as
 * too slow says so in one); and how the stream ended, if it did. Written by the connection's event
 * loop, read by the benchmark's thread.
 */
final class Receipts implements SseParser.Listener {

  private static final String CONNECTED = "connected";
  private static final String HEARTBEAT = "heartbeat";

  private long[] seqs;
  private long[] nanos;
  private int count;
  private boolean connected;
  private final List<String> notes = new ArrayList<>();
  private String ended;

  Receipts(int expected) {
    seqs = new long[Math.max(expected, 1)];
    nanos = new long[seqs.length];
  }

  @Override
  public synchronized void event(long id, long receivedNanos) {
    if (count == seqs.length) {
      seqs = Arrays.copyOf(seqs, count * 2);
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    seqs[count] = id;
    nanos[count] = receivedNanos;
    count++;
  }

  @Override
  public synchronized void comment(String text) {
    if (text.equals(CONNECTED)) {
      connected = true;
    } else if (!text.equals(HEARTBEAT)) {
      notes.add(text);
    }
  }

  /** The stream ended (or failed) for the reason given; the first reason is kept. */
  synchronized void ended(String how) {
    if (ended == null) {
      ended = how;
    }
  }

  synchronized int count() {
    return count;
  }

  synchronized boolean connected() {
    return connected;
  }

  /** How the stream ended, or null while it is open. */
  synchronized String ended() {
    return ended;
  }

  /** Comments other than "connected" and heartbeats. */
  synchronized List<String> notes() {
    return List.copyOf(notes);
  }

  synchronized long[] seqs() {
    return Arrays.copyOf(seqs, count);
  }

  synchronized long[] nanos() {
    return Arrays.copyOf(nanos, count);
  }
}
