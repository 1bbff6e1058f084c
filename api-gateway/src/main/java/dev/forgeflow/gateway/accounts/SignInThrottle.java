package dev.forgeflow.gateway.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Failed sign-ins allowed per login and per client address: {@code attempts} per {@code window},
 * given back gradually. An attempt is taken from both allowances before the password is checked, so
 * guesses sent in parallel count too, and given back when it succeeds: only failures use them up.
 * Allowances idle for a window are full again and forgotten; at most {@value #KEPT} are kept. In
 * memory: each gateway counts for itself.
 */
final class SignInThrottle {

  private static final long KEPT = 100_000;

  private final Bandwidth limit;
  private final Cache<String, Bucket> allowances;

  SignInThrottle(int attempts, Duration window) {
    this.limit = Bandwidth.builder().capacity(attempts).refillGreedy(attempts, window).build();
    this.allowances = Caffeine.newBuilder().maximumSize(KEPT).expireAfterAccess(window).build();
  }

  /**
   * Takes one attempt from the login's and from the address's allowance.
   *
   * @return empty if the attempt may go ahead; otherwise how long until one of them has an attempt
   *     again (nothing is taken then)
   */
  Optional<Duration> attempt(String login, String address) {
    Bucket byLogin = allowance(loginKey(login));
    ConsumptionProbe first = byLogin.tryConsumeAndReturnRemaining(1);
    if (!first.isConsumed()) {
      return Optional.of(Duration.ofNanos(first.getNanosToWaitForRefill()));
    }
    ConsumptionProbe second = allowance(addressKey(address)).tryConsumeAndReturnRemaining(1);
    if (!second.isConsumed()) {
      byLogin.addTokens(1);
      return Optional.of(Duration.ofNanos(second.getNanosToWaitForRefill()));
    }
    return Optional.empty();
  }

  /** Gives back the attempt of a sign-in that succeeded. */
  void succeeded(String login, String address) {
    allowance(loginKey(login)).addTokens(1);
    allowance(addressKey(address)).addTokens(1);
  }

  private Bucket allowance(String key) {
    return allowances.get(key, unused -> Bucket.builder().addLimit(limit).build());
  }

  /** A login counts as one whatever its case, like the accounts match it. */
  private static String loginKey(String login) {
    return "login:" + login.strip().toLowerCase(Locale.ROOT);
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
