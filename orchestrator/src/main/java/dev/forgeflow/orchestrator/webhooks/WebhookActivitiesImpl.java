package dev.forgeflow.orchestrator.webhooks;

import dev.forgeflow.store.RunRecord;
import dev.forgeflow.store.RunStore;
import dev.forgeflow.store.webhooks.DeliveryAttempt;
import dev.forgeflow.store.webhooks.Webhook;
import dev.forgeflow.store.webhooks.WebhookStore;
import dev.forgeflow.store.webhooks.WebhookTarget;
import dev.forgeflow.store.webhooks.WebhookUrls;
import dev.forgeflow.workflows.webhooks.RunFinished;
import dev.forgeflow.workflows.webhooks.WebhookActivities;
import dev.forgeflow.workflows.webhooks.WebhookActivityOptions;
import dev.forgeflow.workflows.webhooks.WebhookCall;
import dev.forgeflow.workflows.webhooks.WebhookTargets;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Webhook deliveries over {@code java.net.http}: a target is checked again once its host is
 * resolved, redirects are not followed, the receiver has {@link #CONNECT_TIMEOUT} to accept the
 * connection and {@link #ANSWER_TIMEOUT} to answer, and at most {@link #MAX_RESPONSE_BYTES} of its
 * answer are read. Every attempt is logged, whatever its end.
 */
public final class WebhookActivitiesImpl implements WebhookActivities {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
  static final int MAX_RESPONSE_BYTES = 64 * 1024;
  private static final int MAX_ERROR_CHARS = 500;

  private final RunStore runs;
  private final WebhookStore webhooks;
  private final WebhookUrls urls;
  private final String publicUrl;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /**
   * @param publicUrl the base URL people reach Forgeflow's web UI at; a run is at {@code
   *     <publicUrl>/runs/<run id>}
   */
  public WebhookActivitiesImpl(
      RunStore runs, WebhookStore webhooks, WebhookUrls urls, String publicUrl, Clock clock) {
    this.runs = runs;
    this.webhooks = webhooks;
    this.urls = urls;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
    this.clock = clock;
  }

  @Override
  public WebhookTargets webhookTargets(String runId) {
    String projectId = runs.find(runId).map(RunRecord::projectId).orElse(null);
    if (projectId == null) {
      return new WebhookTargets(null, List.of());
    }
    return new WebhookTargets(
        projectId, webhooks.list(projectId).stream().map(Webhook::id).toList());
  }

  @Override
  public void deliverWebhook(WebhookCall call) {
    Optional<WebhookTarget> target = webhooks.target(call.webhookId());
    if (target.isEmpty()) {
      return; // removed since the run ended: nobody is waiting for it any more
    }
    Attempt attempt = new Attempt(call, Activity.getExecutionContext().getInfo().getAttempt());
    URI uri = allowed(target.get().webhook().url(), attempt);
    byte[] body = WebhookBody.of(call, publicUrl + "/runs/" + call.run().runId());
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(ANSWER_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("User-Agent", "Forgeflow-Webhooks/1")
            .header(WebhookSignature.ID_HEADER, call.deliveryId())
            .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
            .header(
                WebhookSignature.SIGNATURE_HEADER,
                WebhookSignature.sign(target.get().secret(), timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    long started = System.nanoTime();
    int status;
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      status = response.statusCode();
      try (InputStream answer = response.body()) {
        answer.readNBytes(MAX_RESPONSE_BYTES);
      }
    } catch (IOException e) {
      throw attempt.failed(null, null, "no answer: " + e, false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw attempt.failed(null, null, "interrupted", false);
    }
    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    if (status >= 200 && status < 300) {
      attempt.delivered(status, millis);
      return;
    }
    boolean rejected = status >= 400 && status < 500 && status != 408 && status != 429;
    throw attempt.failed(status, millis, null, rejected);
  }

  /** The target's URL once every address its host resolves to may be called. */
  private URI allowed(String url, Attempt attempt) {
    URI uri;
    List<InetAddress> addresses;
    try {
      uri = urls.checked(url);
      addresses = List.of(InetAddress.getAllByName(uri.getHost()));
    } catch (IllegalArgumentException e) {
      throw attempt.refused(e.getMessage());
    } catch (UnknownHostException e) {
      // a name that does not resolve now may resolve later
      throw attempt.failed(null, null, "unknown host " + uri(url), false);
    }
    for (InetAddress address : addresses) {
      Optional<String> refusal = urls.refusal(address);
      if (refusal.isPresent()) {
        throw attempt.refused(uri.getHost() + " resolves to " + refusal.get());
      }
    }
    return uri;
  }

  private static String uri(String url) {
    return URI.create(url).getHost();
  }

  /** One attempt of a delivery, logged once it ends. */
  private final class Attempt {
    private final WebhookCall call;
    private final int number;

    Attempt(WebhookCall call, int number) {
      this.call = call;
      this.number = number;
    }

    void delivered(int status, long millis) {
      log(status, null, millis, true, true);
    }

    ApplicationFailure refused(String reason) {
      log(null, reason, null, false, true);
      return ApplicationFailure.newNonRetryableFailure(reason, REFUSED_TARGET);
    }

    ApplicationFailure failed(Integer status, Long millis, String error, boolean rejected) {
      boolean last = rejected || number >= WebhookActivityOptions.MAX_ATTEMPTS;
      log(status, error, millis, false, last);
      String message =
          status == null ? error : "the receiver answered " + status + " after " + millis + " ms";
      return rejected
          ? ApplicationFailure.newNonRetryableFailure(message, REJECTED)
          : ApplicationFailure.newFailure(message, "WebhookNotDelivered");
    }

    private void log(Integer status, String error, Long millis, boolean delivered, boolean last) {
      OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
      webhooks.log(
          new DeliveryAttempt(
              call.webhookId(),
              call.deliveryId(),
              call.run().runId(),
              RunFinished.EVENT,
              number,
              status,
              error == null || error.length() <= MAX_ERROR_CHARS
                  ? error
                  : error.substring(0, MAX_ERROR_CHARS),
              millis,
              delivered ? now : null,
              delivered ? null : now,
              last));
    }
  }
}
