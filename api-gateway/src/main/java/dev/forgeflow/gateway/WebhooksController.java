package dev.forgeflow.gateway;

import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.User;
import dev.forgeflow.store.webhooks.CreatedWebhook;
import dev.forgeflow.store.webhooks.DeliveryAttempt;
import dev.forgeflow.store.webhooks.Webhook;
import dev.forgeflow.store.webhooks.WebhookStore;
import dev.forgeflow.store.webhooks.WebhookUrls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A project's webhooks: URLs told, signed, when a run of the project ends. The secret that signs
 * the deliveries is in the create response only. Someone else's project is a 404.
 */
@RestController
@RequestMapping("/api/projects/{id}/webhooks")
@Tag(name = "Webhooks")
class WebhooksController {

  /** The most active webhooks a project may have. */
  static final int MAX_PER_PROJECT = 20;

  private final Stores stores;
  private final WebhookUrls urls;
  private final Blocking blocking;

  WebhooksController(Stores stores, WebhookUrls urls, Blocking blocking) {
    this.stores = stores;
    this.urls = urls;
    this.blocking = blocking;
  }

  /** The URL to register. */
  record WebhookUrl(
      @Schema(
              description = "an absolute http(s) URL",
              example = "https://hooks.example.com/forgeflow")
          String url) {}

  /** A webhook as clients see it, without its secret. */
  record WebhookView(String id, String url, OffsetDateTime createdAt, String deliveries) {
    static WebhookView of(Webhook webhook) {
      return new WebhookView(
          webhook.id(),
          webhook.url(),
          webhook.createdAt(),
          "/api/projects/" + webhook.projectId() + "/webhooks/" + webhook.id() + "/deliveries");
    }
  }

  /** A webhook just registered, with the secret that signs its deliveries: shown this once. */
  record CreatedWebhookView(
      String id, String url, OffsetDateTime createdAt, String deliveries, String secret) {
    static CreatedWebhookView of(CreatedWebhook created) {
      WebhookView view = WebhookView.of(created.webhook());
      return new CreatedWebhookView(
          view.id(), view.url(), view.createdAt(), view.deliveries(), created.secret());
    }
  }

  /** A project's webhooks, the newest first. */
  record WebhookList(List<WebhookView> items) {}

  /**
   * One delivery attempt: the receiver's status or the error, how long it took, and whether it was
   * delivered, failed and will be tried again, or failed for good ({@code last}).
   */
  record DeliveryView(
      String deliveryId,
      String runId,
      String event,
      int attempt,
      Integer statusCode,
      String error,
      Long responseMillis,
      OffsetDateTime deliveredAt,
      OffsetDateTime failedAt,
      boolean last) {
    static DeliveryView of(DeliveryAttempt a) {
      return new DeliveryView(
          a.deliveryId(),
          a.runId(),
          a.event(),
          a.attempt(),
          a.statusCode(),
          a.error(),
          a.responseMillis(),
          a.deliveredAt(),
          a.failedAt(),
          a.last());
    }
  }

  /** A webhook's delivery attempts, the newest first. */
  record DeliveryList(List<DeliveryView> items, int limit) {}

  @PostMapping
  @Operation(
      summary = "Register a webhook: a URL told when a run of the project ends",
      description =
          "Each run's end is POSTed as JSON (event run.finished), signed with HMAC-SHA256 in the"
              + " Forgeflow-Signature header. The response carries the signing secret, which is"
              + " never shown again. The URL must be an absolute http(s) URL; loopback, private,"
              + " link-local and multicast addresses are refused (400) unless the server allows"
              + " them. At most 20 webhooks per project (409).")
  Mono<ResponseEntity<CreatedWebhookView>> create(
      @PathVariable String id, @RequestBody WebhookUrl body, ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking
        .call(
            () -> {
              owned(user, id);
              String url = checked(body.url());
              if (webhooks().list(id).size() >= MAX_PER_PROJECT) {
                throw Problems.conflict(
                    "A project may have at most " + MAX_PER_PROJECT + " webhooks");
              }
              return webhooks().create(id, url);
            })
        .map(
            created ->
                ResponseEntity.created(
                        URI.create("/api/projects/" + id + "/webhooks/" + created.webhook().id()))
                    .body(CreatedWebhookView.of(created)));
  }

  @GetMapping
  @Operation(summary = "List a project's webhooks, the newest first (without their secrets)")
  Mono<WebhookList> list(@PathVariable String id, ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking.call(
        () -> {
          owned(user, id);
          return new WebhookList(webhooks().list(id).stream().map(WebhookView::of).toList());
        });
  }

  @DeleteMapping("/{webhookId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a webhook; deliveries still pending for it are dropped")
  Mono<Void> delete(
      @PathVariable String id, @PathVariable String webhookId, ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking
        .call(
            () -> {
              owned(user, id);
              return webhooks().remove(id, webhookId);
            })
        .flatMap(
            removed -> removed ? Mono.<Void>empty() : Mono.error(noSuchWebhook(id, webhookId)));
  }

  @GetMapping("/{webhookId}/deliveries")
  @Operation(summary = "List a webhook's delivery attempts, the newest first")
  Mono<DeliveryList> deliveries(
      @PathVariable String id,
      @PathVariable String webhookId,
      @RequestParam(defaultValue = "50") @Min(1) @Max(WebhookStore.MAX_DELIVERIES) int limit,
      ServerWebExchange exchange) {
    User user = Caller.user(exchange);
    return blocking.call(
        () -> {
          owned(user, id);
          if (webhooks().find(id, webhookId).isEmpty()) {
            throw noSuchWebhook(id, webhookId);
          }
          return new DeliveryList(
              webhooks().deliveries(webhookId, limit).stream().map(DeliveryView::of).toList(),
              limit);
        });
  }

  private String checked(String url) {
    try {
      return urls.checked(url).toString();
    } catch (IllegalArgumentException bad) {
      throw Problems.badRequest(bad.getMessage());
    }
  }

  private WebhookStore webhooks() {
    return stores.webhooks();
  }

  private void owned(User user, String projectId) {
    if (stores.projects().findOwned(user.id(), projectId).isEmpty()) {
      throw ProjectsController.noSuchProject(projectId);
    }
  }

  private static RuntimeException noSuchWebhook(String projectId, String webhookId) {
    return Problems.notFound("Project " + projectId + " has no webhook " + webhookId);
  }
}
