package dev.forgeflow.sandbox.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.store.RunJournal;
import dev.forgeflow.workflows.sandbox.DeployInput;
import dev.forgeflow.workflows.sandbox.Deployment;
import io.temporal.activity.Activity;
import java.util.LinkedHashMap;
import java.util.Map;

/** Journals {@code deploy.ready} and {@code deploy.failed}, stamped with the activity's attempt. */
final class DeployJournal {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RunJournal journal;

  DeployJournal(RunJournal journal) {
    this.journal = journal;
  }

  void ready(DeployInput input, Deployment deployment) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("project", input.project());
    payload.put("projectId", deployment.project());
    payload.put("url", deployment.url());
    payload.put("containerId", deployment.containerId());
    payload.put("hostPort", deployment.hostPort());
    append(input.runId(), "deploy.ready", payload);
  }

  void failed(DeployInput input, String reason) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("project", input.project());
    payload.put("bundleId", input.bundleId());
    payload.put("reason", reason);
    append(input.runId(), "deploy.failed", payload);
  }

  private void append(String runId, String type, Map<String, Object> payload) {
    int attempt = attempt();
    payload.put("attempt", attempt);
    try {
      journal.append(runId, type, JSON.writeValueAsString(payload), attempt);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write a deploy event as JSON", e);
    }
  }

  private static int attempt() {
    try {
      return Activity.getExecutionContext().getInfo().getAttempt();
    } catch (IllegalStateException | NullPointerException notInActivity) {
      return 1;
    }
  }
}
