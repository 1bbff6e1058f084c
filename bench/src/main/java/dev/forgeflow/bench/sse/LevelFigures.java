package dev.forgeflow.bench.sse;

import java.util.List;

/**
 * What one level measured.
 *
 * @param streams the event streams' deliveries
 * @param baseline the GETs at the same concurrency, or null where not measured
 * @param memory the gateway's live heap without streams open and with this level's
 */
record LevelFigures(
    Level level, int eventsPerRun, Streams streams, Baseline baseline, Memory memory) {

  /** The target: p99 under 50 ms at 1,000 subscribers. */
  static final double TARGET_P99_MILLIS = 50;

  /**
   * @param latency append returned → event parsed by the client, one value per delivery
   * @param fromCall the same from just before append was called (the append's commit included)
   * @param append the appends' own time, call to return
   * @param appendsPerSecond appends per second per run actually achieved
   * @param cpu from the first append until the last delivery
   */
  record Streams(
      Latency latency, Latency fromCall, Latency append, double appendsPerSecond, CpuTimes cpu) {}

  /** GETs: issued → response read; the CPU spent meanwhile. */
  record Baseline(Latency latency, CpuTimes cpu) {}

  /**
   * The gateway's live heap after a full collection, without streams and with them, and the classes
   * that grew most.
   */
  record Memory(long idleHeapBytes, long loadedHeapBytes, List<HeapHistogram.Growth> grown) {}

  boolean meetsTarget() {
    return streams.latency().p99() < TARGET_P99_MILLIS;
  }

  /** SSE p99 over GET p99, or NaN without a baseline. */
  double p99Ratio() {
    return baseline == null ? Double.NaN : streams.latency().p99() / baseline.latency().p99();
  }

  double heapPerSubscriberBytes() {
    return (memory.loadedHeapBytes() - memory.idleHeapBytes()) / (double) level.subscribers();
  }

  /** These figures with the baseline measured at another level of the same concurrency. */
  LevelFigures withBaseline(Baseline other) {
    return new LevelFigures(level, eventsPerRun, streams, other, memory);
  }
}
