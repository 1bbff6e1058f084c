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
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
    env.registerActivitiesImplementations(
        new WebhookActivitiesImpl(
            stores.runs(),
            stores.webhooks(),
            new WebhookUrls(allowPrivate),
            "https://forgeflow.example.com/",
            Clock.systemUTC()));
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
