package dev.forgeflow.gateway;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How many runs each user may create: a token bucket per user holding {@code perMinute} creations,
 * refilled greedily over a minute.
 */
final class RunCreationLimit {

  private final int perMinute;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RunCreationLimit(int perMinute) {
    this.perMinute = perMinute;
  }

  /** Takes one creation from the user's bucket: empty if it may go ahead, else seconds to wait. */
  OptionalLong take(String userId) {
    ConsumptionProbe probe =
        buckets.computeIfAbsent(userId, id -> newBucket()).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return OptionalLong.empty();
    }
    long nanos = probe.getNanosToWaitForRefill();
    return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L)));
  }

  int perMinute() {
    return perMinute;
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
        .build();
  }
}
