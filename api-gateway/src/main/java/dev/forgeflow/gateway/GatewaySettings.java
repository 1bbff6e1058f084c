package dev.forgeflow.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's settings, under {@code forgeflow.gateway}; checked at start-up.
 *
 * @param heartbeat how often an idle event stream gets a comment, so proxies keep it open
 * @param feedBuffer how many new events a stream may have waiting before it is dropped as too slow
 *     (the client then resumes by id)
 * @param runsPerMinute how many runs one user may create a minute (then 429 with Retry-After)
 * @param questionsPerMinute how many questions about code one user may ask a minute (then 429 with
 *     Retry-After): each may cost a model call
 * @param database the PostgreSQL database the orchestrator writes runs and journals to, when the
 *     gateway runs without the orchestrator ({@link GatewayDatabase}); empty otherwise
 * @param sessionLifetime how long a browser session lasts after signing in (and its cookie's
 *     Max-Age)
 * @param signInAttempts how many failed sign-ins a login, and an address, may have per {@code
 *     signInWindow} before further attempts are refused with 429
 * @param signInWindow the period over which {@code signInAttempts} refill
 * @param trustedProxies the reverse proxies (IP addresses and CIDR ranges) whose {@code
 *     X-Forwarded-For} names the client, for the audit trail and the sign-in allowance per address;
 *     empty: the client is the TCP peer ({@link ClientAddresses})
 */
@Validated
@ConfigurationProperties("forgeflow.gateway")
public record GatewaySettings(
    @NotNull @DefaultValue("15s") Duration heartbeat,
    @Min(1) @DefaultValue("1000") int feedBuffer,
    @Min(1) @DefaultValue("10") int runsPerMinute,
    @Min(1) @DefaultValue("20") int questionsPerMinute,
    @Valid Database database,
    @NotNull @DefaultValue("14d") Duration sessionLifetime,
    @Min(1) @DefaultValue("10") int signInAttempts,
    @NotNull @DefaultValue("1m") Duration signInWindow,
    @DefaultValue("") List<String> trustedProxies) {

  public GatewaySettings {
    trustedProxies =
        trustedProxies == null
            ? List.of()
            : trustedProxies.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
  }

  /** True when every trusted proxy is an IP address or a CIDR range. */
  @AssertTrue(
      message =
          "forgeflow.gateway.trusted-proxies must be IP addresses or CIDR ranges, comma-separated,"
              + " such as 127.0.0.1,10.0.0.0/8")
  boolean isTrustedProxiesValid() {
    return trustedProxies.stream().allMatch(p -> ClientAddresses.problem(p).isEmpty());
  }

  /** True when the heartbeat interval is positive; validated as {@code heartbeat}. */
  @AssertTrue(message = "forgeflow.gateway.heartbeat must be a positive duration, such as 15s")
  boolean isHeartbeatPositive() {
    return positive(heartbeat);
  }

  /** True when sessions last a positive time of whole seconds, at most a year. */
  @AssertTrue(
      message =
          "forgeflow.gateway.session-lifetime must be a positive duration of at most 365d, such"
              + " as 14d")
  boolean isSessionLifetimeValid() {
    return sessionLifetime == null
        || (sessionLifetime.toSeconds() > 0
            && sessionLifetime.compareTo(Duration.ofDays(365)) <= 0);
  }

  /** True when the sign-in window is positive; validated as {@code signInWindow}. */
  @AssertTrue(message = "forgeflow.gateway.sign-in-window must be a positive duration, such as 1m")
  boolean isSignInWindowPositive() {
    return positive(signInWindow);
  }

  private static boolean positive(Duration duration) {
    return duration == null || (!duration.isNegative() && !duration.isZero());
  }

  /**
   * Where the database is ({@code forgeflow.gateway.database.*}).
   *
   * @param url a JDBC URL, {@code jdbc:postgresql://...}
   */
  public record Database(@NotBlank String url, @NotBlank String user, @NotNull String password) {

    /** Never shows the password. */
    @Override
    public String toString() {
      return "Database[url=" + url + ", user=" + user + "]";
    }
  }
}
