package dev.forgeflow.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
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
 * @param database the PostgreSQL database the orchestrator writes runs and journals to, when the
 *     gateway runs without the orchestrator ({@link GatewayDatabase}); empty otherwise
 */
@Validated
@ConfigurationProperties("forgeflow.gateway")
record GatewaySettings(
    @NotNull @DefaultValue("15s") Duration heartbeat,
    @Min(1) @DefaultValue("1000") int feedBuffer,
    @Min(1) @DefaultValue("10") int runsPerMinute,
    @Valid Database database) {

  /** True when the heartbeat interval is positive; validated as {@code heartbeat}. */
  @AssertTrue(message = "forgeflow.gateway.heartbeat must be a positive duration, such as 15s")
  boolean isHeartbeatPositive() {
    return heartbeat == null || (!heartbeat.isNegative() && !heartbeat.isZero());
  }

  /**
   * Where the database is ({@code forgeflow.gateway.database.*}).
   *
   * @param url a JDBC URL, {@code jdbc:postgresql://...}
   */
  record Database(@NotBlank String url, @NotBlank String user, @NotNull String password) {

    /** Never shows the password. */
    @Override
    public String toString() {
      return "Database[url=" + url + ", user=" + user + "]";
    }
  }
}
