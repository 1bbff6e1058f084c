package dev.forgeflow.orchestrator.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.workflows.webhooks.RunFinished;
import dev.forgeflow.workflows.webhooks.WebhookCall;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON a webhook receives: the same bytes for every attempt of a delivery. */
final class WebhookBody {

  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookBody() {}

  /** The body of {@code call}; {@code runUrl} is where a person sees the run. */
  static byte[] of(WebhookCall call, String runUrl) {
    RunFinished run = call.run();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event", RunFinished.EVENT);
    body.put("deliveryId", call.deliveryId());
    body.put("runId", run.runId());
    body.put("projectId", call.projectId());
    body.put("status", run.status());
    body.put("outcome", run.outcome());
    body.put("verdict", run.verdict());
    body.put("endEvent", run.endEvent());
    body.put("summary", run.summary());
    body.put("finishedAt", Instant.ofEpochMilli(run.finishedAtMillis()).toString());
    body.put("url", runUrl);
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a run's end is always JSON", e);
    }
  }
}
