package dev.forgeflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;

/** The closing block of a run: what was built, the verdict, and where everything is. */
final class Summary {
  private final Terminal terminal;

  Summary(Terminal terminal) {
    this.terminal = terminal;
  }

  void print(String runId, JsonNode s, Path written) {
    terminal.println("── summary ──");
    row("project", s.path("projectName").asText("-"));
    row("verdict", s.path("outcome").asText() + " — " + s.path("verdict").asText());
    row("rounds", String.valueOf(s.path("rounds").asInt()));
    row("files", s.path("files").asInt() + " (bundle v" + s.path("bundleVersion").asInt() + ")");
    long tokens = s.path("promptTokens").asLong() + s.path("completionTokens").asLong();
    row(
        "usage",
        tokens == 0
            ? "no model calls"
            : String.format(
                Locale.ROOT, "%,d tokens, $%.4f", tokens, s.path("costUsd").asDouble()));
    row("elapsed", String.format(Locale.ROOT, "%.1f s", s.path("elapsedMs").asLong() / 1000.0));
    row("written", written == null ? "nothing" : written.toAbsolutePath().normalize().toString());
    if (s.hasNonNull("deploymentUrl")) {
      String url = s.path("deploymentUrl").asText();
      row("deployed", url + "  (docs: " + url + "/docs)");
    }
    row("run", runId);
  }

  private void row(String label, String value) {
    terminal.println(String.format(Locale.ROOT, "  %-8s %s", label, value));
  }
}
