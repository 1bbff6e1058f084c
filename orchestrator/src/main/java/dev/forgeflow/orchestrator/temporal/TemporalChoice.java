package dev.forgeflow.orchestrator.temporal;

import java.util.Optional;

/**
 * Which Temporal this process runs on: a server (the local dev server, or the frontend {@code
 * FORGEFLOW_TEMPORAL_TARGET} names), or the in-process service local mode falls back to when no dev
 * server can be had — announced every time, since its runs do not survive a restart.
 *
 * @param target the frontend's {@code host:port}; null for the in-process service
 * @param webUrl Temporal Web's base URL when known
 * @param fallbackReason why the in-process service is used; null otherwise
 * @param indexed whether the namespace has Forgeflow's search attributes, so runs keep them current
 */
public record TemporalChoice(String target, String webUrl, String fallbackReason, boolean indexed) {

  public static TemporalChoice server(String target, String webUrl, boolean indexed) {
    return new TemporalChoice(target, webUrl, null, indexed);
  }

  public static TemporalChoice inProcess(String reason) {
    return new TemporalChoice(null, null, reason, true);
  }

  public boolean durable() {
    return target != null;
  }

  /** One line for the terminal. */
  public String describe() {
    if (!durable()) {
      return "in-process service — runs will NOT survive a restart of Forgeflow ("
          + fallbackReason
          + ")";
    }
    return webUrl == null
        ? "server at " + target
        : "dev server at " + target + ", Temporal Web " + webUrl;
  }

  /** Temporal Web's page of a run's workflow, when Temporal Web is known. */
  public Optional<String> runPage(String namespace, String runId) {
    return Optional.ofNullable(webUrl)
        .map(web -> web + "/namespaces/" + namespace + "/workflows/" + runId);
  }
}
