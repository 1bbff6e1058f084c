package dev.forgeflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeflow.store.accounts.NewUser;
import dev.forgeflow.store.webhooks.CreatedWebhook;
import dev.forgeflow.store.webhooks.DeliveryAttempt;
import dev.forgeflow.store.webhooks.WebhookStore;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Webhooks and their delivery log in PostgreSQL. */
@ExtendWith(SharedDatabase.Extension.class)
class PostgresWebhookStoreIT {

  private final Stores stores;
  private final WebhookStore webhooks;

  PostgresWebhookStoreIT(SharedDatabase database) {
    this.stores = database.stores();
    this.webhooks = stores.webhooks();
  }

  private String newProject() {
    String user =
        stores
            .accounts()
            .createUser(
                new NewUser("u-" + UUID.randomUUID().toString().substring(0, 8), null, null))
            .id();
    return stores.projects().create(user, "p").id();
  }

  @Test
  void aNewWebhookHasARandomSecretThatOnlyDeliveriesReadAgain() {
    String project = newProject();

    CreatedWebhook first = webhooks.create(project, "https://hooks.example.com/a");
    CreatedWebhook second = webhooks.create(project, "https://hooks.example.com/b");

    assertThat(first.secret()).matches("whsec_[A-Za-z0-9_-]{43}");
    assertThat(second.secret()).isNotEqualTo(first.secret());
    assertThat(webhooks.list(project))
        .extracting(w -> w.url())
        .containsExactly("https://hooks.example.com/b", "https://hooks.example.com/a");
    assertThat(webhooks.target(first.webhook().id()).orElseThrow().secret())
        .isEqualTo(first.secret());
    assertThat(webhooks.find(project, first.webhook().id())).contains(first.webhook());
    assertThat(webhooks.find(newProject(), first.webhook().id())).isEmpty();
  }

  @Test
  void aRemovedWebhookIsNoLongerListedNorDeliveredToButItsLogStays() {
    String project = newProject();
    CreatedWebhook hook = webhooks.create(project, "https://hooks.example.com/x");
    String id = hook.webhook().id();
    webhooks.log(attempt(id, 1, 503, null, false));

    assertThat(webhooks.remove(newProject(), id)).isFalse();
    assertThat(webhooks.remove(project, id)).isTrue();
    assertThat(webhooks.remove(project, id)).isFalse();

    assertThat(webhooks.list(project)).isEmpty();
    assertThat(webhooks.target(id)).isEmpty();
    assertThat(webhooks.find(project, id)).isEmpty();
    assertThat(webhooks.deliveries(id, 10)).hasSize(1);
  }

  @Test
  void deliveriesAreListedNewestFirstAndBounded() {
    String id = webhooks.create(newProject(), "https://hooks.example.com/y").webhook().id();
    webhooks.log(attempt(id, 1, 503, null, false));
    webhooks.log(attempt(id, 2, null, "connect timed out", false));
    webhooks.log(attempt(id, 3, 200, null, true));

    assertThat(webhooks.deliveries(id, 10))
        .extracting(DeliveryAttempt::attempt)
        .containsExactly(3, 2, 1);
    assertThat(webhooks.deliveries(id, 2)).hasSize(2);
    DeliveryAttempt last = webhooks.deliveries(id, 1).get(0);
    assertThat(last.statusCode()).isEqualTo(200);
    assertThat(last.deliveredAt()).isNotNull();
    assertThat(last.failedAt()).isNull();
    assertThat(last.last()).isTrue();
    assertThat(webhooks.deliveries(id, 10).get(1).error()).isEqualTo("connect timed out");
  }

  @Test
  void aWebhookForNoProjectIsRefused() {
    assertThatThrownBy(() -> webhooks.create("no-such-project", "https://hooks.example.com/z"))
        .isInstanceOf(NoSuchElementException.class);
  }

  private static DeliveryAttempt attempt(
      String webhookId, int attempt, Integer status, String error, boolean delivered) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    return new DeliveryAttempt(
        webhookId,
        "dlv_1",
        "run-1",
        "run.finished",
        attempt,
        status,
        error,
        status == null ? null : 12L,
        delivered ? now : null,
        delivered ? null : now,
        delivered);
  }
}
