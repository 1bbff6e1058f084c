package dev.forgeflow.cli;

import dev.forgeflow.workflows.journal.Fact;
import java.nio.file.Path;
import java.util.Locale;

/** The closing block of a run: what was built, the verdict, and where everything is. */
final class Summary {
  private final Terminal terminal;

  Summary(Terminal terminal) {
    this.terminal = terminal;
  }

  void print(String runId, Fact.RunCompleted s, Path written) {
    terminal.println("── summary ──");
    row("project", s.projectName() == null ? "-" : s.projectName());
    row("verdict", s.outcome() + " — " + s.verdict());
    row("rounds", String.valueOf(s.rounds()));
    row("files", s.files() + " (bundle v" + s.bundleVersion() + ")");
    long tokens = s.promptTokens() + s.completionTokens();
    row(
        "usage",
        tokens == 0
            ? "no model calls"
            : String.format(Locale.ROOT, "%,d tokens, $%.4f", tokens, s.costUsd()));
    row("elapsed", String.format(Locale.ROOT, "%.1f s", s.elapsedMs() / 1000.0));
    row("written", written == null ? "nothing" : written.toAbsolutePath().normalize().toString());
    if (s.deploymentUrl() != null) {
      String url = s.deploymentUrl();
      row("deployed", url + "  (docs: " + url + "/docs)");
    }
    row("run", runId);
  }

  private void row(String label, String value) {
    terminal.println(String.format(Locale.ROOT, "  %-8s %s", label, value));
  }
}
