package dev.forgeflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The caller's deployed services on the server {@code FORGEFLOW_URL} names, through its API: what
 * {@code forgeflow deployments}, {@code logs} and {@code stop} do there, where the services run on
 * the server's sandbox hosts rather than on this machine's Docker.
 */
final class RemoteDeployments {
  private static final int MIN_RUN_ID_PREFIX = 8;

  private RemoteDeployments() {}

  /** Whether the sandbox commands go to a server: {@code FORGEFLOW_URL} is set. */
  static boolean remote() {
    String url = System.getenv("FORGEFLOW_URL");
    return url != null && !url.isBlank();
  }

  /** Prints the caller's services, one a line. */
  static int list(ApiClient api, PrintStream out) {
    List<JsonNode> items = items(api);
    if (items.isEmpty()) {
      out.println("no deployments");
    }
    for (JsonNode item : items) {
      out.println(
          TerminalText.clean(
              String.format(
                  Locale.ROOT,
                  "%-24s %-20s %-10s %s  run %s, expires %s",
                  item.path("service").asText("-"),
                  item.path("project").asText("-"),
                  item.path("state").asText(),
                  api.base().resolve(item.path("proxy").asText()),
                  item.path("runId").asText(),
                  item.path("expiresAt").asText("-"))));
    }
    return 0;
  }

  /**
   * Prints the last {@code tail} lines of the service's log and, when {@code follow}, every new
   * line until the service stops.
   */
  static int logs(ApiClient api, String project, int tail, boolean follow, PrintStream out) {
    JsonNode service = one(api, project);
    String runId = service.path("runId").asText();
    api.deploymentLogs(runId, tail, follow)
        .filter(event -> event.event() != null)
        .takeUntil(event -> "end".equals(event.event()))
        .doOnNext(
            event -> {
              if ("log".equals(event.event())) {
                out.println(TerminalText.clean(event.data() == null ? "" : event.data()));
              }
            })
        .blockLast(follow ? Duration.ofDays(365) : ApiClient.CALL_TIMEOUT);
    out.flush();
    return 0;
  }

  /** Stops the service and says so. */
  static int stop(ApiClient api, String project, PrintStream out) {
    JsonNode service = one(api, project);
    api.delete("/api/runs/{id}/deployment", service.path("runId").asText());
    out.println(TerminalText.clean("stopped " + project));
    return 0;
  }

  private static List<JsonNode> items(ApiClient api) {
    List<JsonNode> items = new ArrayList<>();
    api.get("/api/deployments").path("items").forEach(items::add);
    return items;
  }

  /**
   * The one service {@code given} names: by its project's name, the name its run gave it, its run
   * id, or the first characters (at least 8) of that.
   *
   * @throws CliProblem if none does (exit 1), or several do
   */
  private static JsonNode one(ApiClient api, String given) {
    String wanted = given.strip();
    List<JsonNode> found =
        items(api).stream()
            .filter(
                item ->
                    wanted.equalsIgnoreCase(item.path("project").asText())
                        || wanted.equalsIgnoreCase(item.path("service").asText())
                        || item.path("runId").asText().equals(wanted)
                        || (wanted.length() >= MIN_RUN_ID_PREFIX
                            && item.path("runId").asText().startsWith(wanted)))
            .toList();
    if (found.isEmpty()) {
      throw CliProblem.notFound(
          "no deployment of project "
              + TerminalText.clean(wanted)
              + "; 'forgeflow deployments' lists yours.");
    }
    if (found.size() > 1) {
      throw CliProblem.badInput(
          "Several services answer to '"
              + TerminalText.clean(wanted)
              + "': "
              + found.stream()
                  .map(
                      item ->
                          "run "
                              + item.path("runId").asText()
                              + " ("
                              + item.path("service").asText("-")
                              + ")")
                  .collect(Collectors.joining(", "))
              + ". Name one by its run id.");
    }
    return found.get(0);
  }
}
