package dev.forgeflow.sandbox.deploy;

import io.temporal.activity.Activity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Polls a service's {@code /docs} until it answers 200, heartbeating while it waits. Polls every
 * {@code 50 ms}: a refused connection on loopback costs next to nothing, and a coarser poll adds
 * its half-period on average to every deploy. Whether the container still runs is asked of the
 * daemon at most every half second.
 */
final class HealthCheck {

  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration RUNNING_EVERY = Duration.ofMillis(500);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private HealthCheck() {}

  /**
   * @param running false once the container has stopped, which ends the wait early
   * @return whether the service answered 200 within the timeout
   */
  static boolean await(String url, Duration timeout, BooleanSupplier running) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long nextRunningCheck = System.nanoTime();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + "/docs")).timeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() < deadline) {
      heartbeat(url);
      if (answers(request)) {
        return true;
      }
      if (System.nanoTime() >= nextRunningCheck) {
        if (!running.getAsBoolean()) {
          return false;
        }
        nextRunningCheck = System.nanoTime() + RUNNING_EVERY.toNanos();
      }
      sleep();
    }
    return false;
  }

  private static boolean answers(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + url(request), e);
    }
  }

  private static String url(HttpRequest request) {
    return request.uri().toString();
  }

  /** Heartbeats the current activity; outside one (in tests) there is nothing to tell. */
  static void heartbeat(String detail) {
    try {
      Activity.getExecutionContext().heartbeat(detail);
    } catch (IllegalStateException | NullPointerException notInActivity) {
      // not running as an activity
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a service", e);
    }
  }
}
