package dev.forgeflow.gateway;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.ErrorResponseException;

/**
 * How many of something each user may do a minute (create runs, ask questions): a token bucket per
 * user holding {@code perMinute}, refilled greedily over a minute.
 */
final class PerUserLimit {

  private final String what;
  private final int perMinute;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * @param what what is limited, in the plural, for the refusal: {@code runs}
   */
  PerUserLimit(String what, int perMinute) {
    this.what = what;
    this.perMinute = perMinute;
  }

  /**
   * Takes one from the user's allowance: empty if it may go ahead, else the 429 (with {@code
   * Retry-After}) to answer; nothing is taken then.
   */
  Optional<ErrorResponseException> refusal(String userId) {
    ConsumptionProbe probe =
        buckets.computeIfAbsent(userId, id -> newBucket()).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return Optional.empty();
    }
    return Optional.of(
        Problems.tooManyRequests(
            "At most " + perMinute + " " + what + " a minute; try again shortly",
            Duration.ofNanos(probe.getNanosToWaitForRefill())));
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
        .build();
  }

  /** The limits each user has: on runs created and on questions asked. */
  record PerUser(PerUserLimit runs, PerUserLimit questions) {}
}
