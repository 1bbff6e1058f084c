package dev.forgeflow.orchestrator.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.store.InMemoryStores;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.NewUser;
import dev.forgeflow.store.webhooks.DeliveryAttempt;
import dev.forgeflow.store.webhooks.WebhookUrls;
import dev.forgeflow.workflows.webhooks.RunFinished;
import dev.forgeflow.workflows.webhooks.WebhookActivities;
import dev.forgeflow.workflows.webhooks.WebhookCall;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.SocketFactory;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One delivery attempt against a receiver on 127.0.0.1: signed, logged, retried or not. */
class WebhookActivitiesImplTest {

  private final Stores stores = InMemoryStores.create();
  private final TestActivityEnvironment env = TestActivityEnvironment.newInstance();
  private Receiver receiver;

  @AfterEach
  void stop() {
    env.close();
    if (receiver != null) {
      receiver.close();
    }
  }

  private WebhookActivities activities(boolean allowPrivate) {
    return stub(
        new WebhookActivitiesImpl(
            stores.runs(),
            stores.webhooks(),
            new WebhookUrls(allowPrivate),
            "https://forgeflow.example.com/",
            Clock.systemUTC()));
  }

  private WebhookActivities stub(WebhookActivitiesImpl implementation) {
    env.registerActivitiesImplementations(implementation);
    return env.newActivityStub(
        WebhookActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build());
  }

  private record Registered(String projectId, String webhookId, String secret) {}

  private Registered register(String url) {
    String user = stores.accounts().createUser(new NewUser("ada", null, null)).id();
    String project = stores.projects().create(user, "shop").id();
    var created = stores.webhooks().create(project, url);
    return new Registered(project, created.webhook().id(), created.secret());
  }

  private static WebhookCall call(Registered hook) {
    return new WebhookCall(
        hook.webhookId(),
        "dlv_1",
        hook.projectId(),
        new RunFinished(
            "run-1",
            "SUCCEEDED",
            "APPROVED",
            "approved in review round 1",
            "run.completed",
            Map.of("outcome", "APPROVED", "rounds", 1),
            1_700_000_000_000L));
  }

  @Test
  void aReceiverThatAcceptsGetsTheRunsEndSignedAndTheAttemptIsLoggedDelivered() throws Exception {
    receiver = new Receiver(200);
    Registered hook = register(receiver.url("/hook"));

    activities(true).deliverWebhook(call(hook));

    Receiver.Received got = receiver.received.get(0);
    String timestamp = got.header("Forgeflow-Webhook-Timestamp");
    assertThat(Long.parseLong(timestamp))
        .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
    assertThat(got.header("Forgeflow-Webhook-Id")).isEqualTo("dlv_1");
    assertThat(got.header("Content-Type")).isEqualTo("application/json");
    assertThat(got.header("Forgeflow-Signature"))
        .isEqualTo(
            "v1=" + hmacSha256Hex(hook.secret(), timestamp + "." + new String(got.body(), UTF_8)));
    JsonNode body = new ObjectMapper().readTree(got.body());
    assertThat(body.get("event").asText()).isEqualTo("run.finished");
    assertThat(body.get("runId").asText()).isEqualTo("run-1");
    assertThat(body.get("projectId").asText()).isEqualTo(hook.projectId());
    assertThat(body.get("outcome").asText()).isEqualTo("APPROVED");
    assertThat(body.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(body.get("summary").get("rounds").asInt()).isEqualTo(1);
    assertThat(body.get("url").asText()).isEqualTo("https://forgeflow.example.com/runs/run-1");
    DeliveryAttempt logged = stores.webhooks().deliveries(hook.webhookId(), 10).get(0);
    assertThat(logged.statusCode()).isEqualTo(200);
    assertThat(logged.deliveredAt()).isNotNull();
    assertThat(logged.last()).isTrue();
    assertThat(logged.responseMillis()).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 404, 410, 422})
  void aClientErrorIsFinalAndNotRetried(int status) {
    receiver = new Receiver(status);
    Registered hook = register(receiver.url("/hook"));

    ApplicationFailure failure = failure(activities(true), call(hook));

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(WebhookActivities.REJECTED);
    DeliveryAttempt logged = stores.webhooks().deliveries(hook.webhookId(), 10).get(0);
    assertThat(logged.statusCode()).isEqualTo(status);
    assertThat(logged.last()).isTrue();
    assertThat(logged.failedAt()).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503, 302})
  void timeoutsThrottlingServerErrorsAndRedirectsAreRetried(int status) {
    receiver = new Receiver(status);
    Registered hook = register(receiver.url("/hook"));

    ApplicationFailure failure = failure(activities(true), call(hook));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(receiver.received).extracting(Receiver.Received::path).containsExactly("/hook");
    DeliveryAttempt logged = stores.webhooks().deliveries(hook.webhookId(), 10).get(0);
    assertThat(logged.statusCode()).isEqualTo(status);
    assertThat(logged.last()).isFalse();
  }

  @Test
  void aLoopbackTargetIsRefusedAtDeliveryUnlessAllowed() {
    receiver = new Receiver();
    Registered hook = register(receiver.url("/hook"));

    ApplicationFailure failure = failure(activities(false), call(hook));

    assertThat(failure.getType()).isEqualTo(WebhookActivities.REFUSED_TARGET);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(receiver.received).isEmpty();
    DeliveryAttempt logged = stores.webhooks().deliveries(hook.webhookId(), 10).get(0);
    assertThat(logged.error()).contains("127.0.0.1").contains("FORGEFLOW_WEBHOOKS_ALLOW_PRIVATE");
    assertThat(logged.last()).isTrue();
  }

  @Test
  void aRemovedWebhookIsNotCalled() {
    receiver = new Receiver();
    Registered hook = register(receiver.url("/hook"));
    stores.webhooks().remove(hook.projectId(), hook.webhookId());

    activities(true).deliverWebhook(call(hook));

    assertThat(receiver.received).isEmpty();
    assertThat(stores.webhooks().deliveries(hook.webhookId(), 10)).isEmpty();
  }

  /**
   * A fake DNS: {@code hooks.test} answers the first address the first time it is asked, the second
   * every time after (a rebinding name). Counts the questions.
   */
  static final class RebindingFakeDns implements Dns {
    final List<InetAddress> first;
    final List<InetAddress> later;
    final AtomicInteger asked = new AtomicInteger();

    RebindingFakeDns(String first, String later) throws UnknownHostException {
      this.first = List.of(InetAddress.getByName(first));
      this.later = List.of(InetAddress.getByName(later));
    }

    @Override
    public List<InetAddress> lookup(String host) throws UnknownHostException {
      if (!host.equals("hooks.test")) {
        throw new UnknownHostException(host);
      }
      return asked.getAndIncrement() == 0 ? first : later;
    }
  }

  /**
   * Sockets that connect to loopback only: a connection anywhere else is recorded and refused
   * before any packet leaves.
   */
  static final class LoopbackOnlySockets extends SocketFactory {
    final List<InetSocketAddress> refused = new CopyOnWriteArrayList<>();

    @Override
    public Socket createSocket() {
      return new Socket() {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
          InetSocketAddress to = (InetSocketAddress) endpoint;
          if (!to.getAddress().isLoopbackAddress()) {
            refused.add(to);
            throw new ConnectException("the test lets no connection leave loopback: " + to);
          }
          super.connect(endpoint, timeout);
        }
      };
    }

    @Override
    public Socket createSocket(String host, int port) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void aNameIsResolvedOnceAndTheConnectionGoesToTheAddressThatWasCheckedNotToARebindingOne()
      throws Exception {
    receiver = new Receiver(200);
    int port = URI.create(receiver.url("/hook")).getPort();
    Registered hook = register("http://hooks.test:" + port + "/hook");
    // public when checked (a documentation address, never reached), then the receiver on loopback
    RebindingFakeDns dns = new RebindingFakeDns("203.0.113.7", "127.0.0.1");
    LoopbackOnlySockets sockets = new LoopbackOnlySockets();
    WebhookActivities activities =
        stub(
            new WebhookActivitiesImpl(
                stores.runs(),
                stores.webhooks(),
                new WebhookUrls(false),
                "https://forgeflow.example.com/",
                Clock.systemUTC(),
                new OkHttpClient.Builder().socketFactory(sockets).build(),
                dns));

    ApplicationFailure failure = failure(activities, call(hook));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(dns.asked).hasValue(1);
    assertThat(sockets.refused)
        .containsExactly(new InetSocketAddress(InetAddress.getByName("203.0.113.7"), port));
    assertThat(receiver.received).isEmpty();
    DeliveryAttempt logged = stores.webhooks().deliveries(hook.webhookId(), 10).get(0);
    assertThat(logged.error()).startsWith("no answer: ").contains("203.0.113.7");
  }

  @Test
  void aNameThatResolvesToAnAllowedAddressIsDeliveredThere() throws Exception {
    receiver = new Receiver(200);
    int port = URI.create(receiver.url("/hook")).getPort();
    Registered hook = register("http://hooks.test:" + port + "/hook");
    RebindingFakeDns dns = new RebindingFakeDns("127.0.0.1", "203.0.113.7");
    LoopbackOnlySockets sockets = new LoopbackOnlySockets();

    stub(new WebhookActivitiesImpl(
            stores.runs(),
            stores.webhooks(),
            new WebhookUrls(true),
            "https://forgeflow.example.com/",
            Clock.systemUTC(),
            new OkHttpClient.Builder().socketFactory(sockets).build(),
            dns))
        .deliverWebhook(call(hook));

    assertThat(receiver.received).extracting(Receiver.Received::path).containsExactly("/hook");
    assertThat(receiver.received.get(0).header("Host")).isEqualTo("hooks.test:" + port);
    assertThat(sockets.refused).isEmpty();
    assertThat(dns.asked).hasValue(1);
  }

  private static ApplicationFailure failure(WebhookActivities activities, WebhookCall call) {
    Throwable failure = catchThrowable(() -> activities.deliverWebhook(call));
    assertThat(failure).isInstanceOf(ActivityFailure.class);
    assertThat(failure.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) failure.getCause();
  }

  /** The signature as a receiver computes it, independently of {@link WebhookSignature}. */
  static String hmacSha256Hex(String secret, String signed) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(UTF_8)));
  }
}
