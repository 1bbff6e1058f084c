package dev.forgeflow.workflows.webhooks;

import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Webhook activities without HTTP: the project's webhooks are given, each delivery attempt is
 * recorded with its attempt number, and scripted failures are thrown before a delivery succeeds.
 */
public final class FakeWebhooks implements WebhookActivities {

  /** A delivery attempt as the fake saw it. */
  public record Seen(WebhookCall call, int attempt) {}

  private final String projectId;
  private volatile List<String> webhookIds;
  private final Deque<RuntimeException> failures = new ArrayDeque<>();
  public final List<Seen> attempts = new CopyOnWriteArrayList<>();

  public FakeWebhooks(String projectId, List<String> webhookIds) {
    this.projectId = projectId;
    this.webhookIds = List.copyOf(webhookIds);
  }

  /** From now on the project has no webhooks. */
  public FakeWebhooks withoutWebhooks() {
    webhookIds = List.of();
    return this;
  }

  /** The next attempts throw these, in order. */
  public synchronized FakeWebhooks failingWith(RuntimeException... next) {
    failures.addAll(List.of(next));
    return this;
  }

  /** A failure the receiver's 503 leads to: retried. */
  public static RuntimeException unavailable() {
    return ApplicationFailure.newFailure("the receiver answered 503", "WebhookNotDelivered");
  }

  /** A failure the receiver's 404 leads to: final. */
  public static RuntimeException rejected() {
    return ApplicationFailure.newNonRetryableFailure("the receiver answered 404", REJECTED);
  }

  @Override
  public WebhookTargets webhookTargets(String runId) {
    return new WebhookTargets(projectId, webhookIds);
  }

  @Override
  public void deliverWebhook(WebhookCall call) {
    attempts.add(new Seen(call, Activity.getExecutionContext().getInfo().getAttempt()));
    RuntimeException failure;
    synchronized (this) {
      failure = failures.poll();
    }
    if (failure != null) {
      throw failure;
    }
  }
}
