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
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import okhttp3.Call;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Webhook deliveries over OkHttp. A target's host is resolved once per attempt, every address it
 * resolves to is checked, and the connection is made to those addresses only: a name that resolves
 * elsewhere a moment later (DNS rebinding) cannot turn a checked public target into a private one.
 * No proxy is used, redirects are not followed, the receiver has {@link #CONNECT_TIMEOUT} to accept
 * the connection and {@link #ANSWER_TIMEOUT} to answer, the whole call is bounded by {@link
 * #CALL_TIMEOUT}, and at most {@link #MAX_RESPONSE_BYTES} of the answer are read. Every attempt is
 * logged, whatever its end.
 */
public final class WebhookActivitiesImpl implements WebhookActivities {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
  static final int MAX_RESPONSE_BYTES = 64 * 1024;
  private static final int MAX_ERROR_CHARS = 500;

  private final RunStore runs;
  private final WebhookStore webhooks;
  private final WebhookUrls urls;
  private final String publicUrl;
  private final Clock clock;
  private static final MediaType JSON = MediaType.get("application/json");
  private final OkHttpClient http;
  private final Dns dns;

  /**
   * @param publicUrl the base URL people reach Forgeflow's web UI at; a run is at {@code
   *     <publicUrl>/runs/<run id>}
   */
  public WebhookActivitiesImpl(
      RunStore runs, WebhookStore webhooks, WebhookUrls urls, String publicUrl, Clock clock) {
    this(runs, webhooks, urls, publicUrl, clock, new OkHttpClient(), Dns.SYSTEM);
  }

  /**
   * @param http the client deliveries are made with, its timeouts, proxy, redirects and DNS set
   *     here
   * @param dns how a target's host is resolved
   */
  WebhookActivitiesImpl(
      RunStore runs,
      WebhookStore webhooks,
      WebhookUrls urls,
      String publicUrl,
      Clock clock,
      OkHttpClient http,
      Dns dns) {
    this.http =
        http.newBuilder()
            .proxy(Proxy.NO_PROXY)
            .followRedirects(false)
            .followSslRedirects(false)
            .retryOnConnectionFailure(false)
            .connectTimeout(CONNECT_TIMEOUT)
            .readTimeout(ANSWER_TIMEOUT)
            .writeTimeout(ANSWER_TIMEOUT)
            .callTimeout(CALL_TIMEOUT)
            .build();
    this.dns = dns;
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
    Checked checked = allowed(target.get().webhook().url(), attempt);
    byte[] body = WebhookBody.of(call, publicUrl + "/runs/" + call.run().runId());
    long timestamp = clock.instant().getEpochSecond();
    Request request =
        new Request.Builder()
            .url(checked.url())
            .header("User-Agent", "Forgeflow-Webhooks/1")
            .header(WebhookSignature.ID_HEADER, call.deliveryId())
            .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
            .header(
                WebhookSignature.SIGNATURE_HEADER,
                WebhookSignature.sign(target.get().secret(), timestamp, body))
            .post(RequestBody.create(body, JSON))
            .build();
    // the checked addresses, and no others, for this host: nothing is resolved a second time
    OkHttpClient pinned =
        http.newBuilder()
            .dns(
                host -> {
                  if (!host.equals(checked.url().host())) {
                    throw new UnknownHostException(host + " was not checked");
                  }
                  return checked.addresses();
                })
            .build();
    long started = System.nanoTime();
    int status;
    Call sent = pinned.newCall(request);
    try (Response response = sent.execute()) {
      status = response.code();
      ResponseBody answer = response.body();
      if (answer != null) {
        try (InputStream in = answer.byteStream()) {
          in.readNBytes(MAX_RESPONSE_BYTES);
        }
      }
    } catch (InterruptedIOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw attempt.failed(null, null, "interrupted", false);
      }
      throw attempt.failed(null, null, "no answer: " + e, false);
    } catch (IOException e) {
      throw attempt.failed(null, null, "no answer: " + e, false);
    }
    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    if (status >= 200 && status < 300) {
      attempt.delivered(status, millis);
      return;
    }
    boolean rejected = status >= 400 && status < 500 && status != 408 && status != 429;
    throw attempt.failed(status, millis, null, rejected);
  }

  /** A target's URL with the addresses its host resolved to, each of which may be called. */
  private record Checked(HttpUrl url, List<InetAddress> addresses) {}

  /** The target's URL once every address its host resolves to may be called. */
  private Checked allowed(String url, Attempt attempt) {
    HttpUrl target;
    List<InetAddress> addresses;
    try {
      target = HttpUrl.get(urls.checked(url).toString());
      addresses = List.copyOf(dns.lookup(target.host()));
    } catch (IllegalArgumentException e) {
      throw attempt.refused(e.getMessage());
    } catch (UnknownHostException e) {
      // a name that does not resolve now may resolve later
      throw attempt.failed(null, null, "unknown host " + uri(url), false);
    }
    if (addresses.isEmpty()) {
      throw attempt.failed(null, null, "unknown host " + uri(url), false);
    }
    for (InetAddress address : addresses) {
      Optional<String> refusal = urls.refusal(address);
      if (refusal.isPresent()) {
        throw attempt.refused(target.host() + " resolves to " + refusal.get());
      }
    }
    return new Checked(target, addresses);
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
