package dev.forgeflow.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.workflows.journal.Fact;
import java.util.Locale;

/**
 * One line per journal event worth a line, each stamped with the elapsed time and, once a model has
 * been called, the tokens and cost so far.
 */
final class ProgressPrinter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Terminal terminal;
  private final long startedAt = System.nanoTime();
  private long tokens;
  private double costUsd;
  private String stage = "";
  private int round;

  ProgressPrinter(Terminal terminal) {
    this.terminal = terminal;
  }

  /** Whether events of this type end a run. */
  static boolean isRunEnd(String type) {
    return type.equals(Fact.RunCompleted.TYPE)
        || type.equals(Fact.RunFailed.TYPE)
        || type.equals(Fact.RunCancelled.TYPE);
  }

  JsonNode print(JournalEvent event) {
    JsonNode payload = parse(event.payloadJson());
    String line = describe(event.type(), payload);
    if (line != null) {
      terminal.println(stamp() + line);
    }
    return payload;
  }

  private String describe(String type, JsonNode p) {
    return switch (type) {
      case Fact.RunStarted.TYPE -> "run started";
      case Fact.StageStarted.TYPE -> {
        stage = p.path("stage").asText().toLowerCase(Locale.ROOT);
        round = p.path("round").asInt();
        yield "▸ " + stage + (round > 0 ? " (round " + round + ")" : "");
      }
      case Fact.StageCompleted.TYPE ->
          "✓ "
              + p.path("stage").asText().toLowerCase(Locale.ROOT)
              + String.format(Locale.ROOT, " in %.1f s", p.path("elapsedMs").asLong() / 1000.0);
      case Fact.ArtifactCharter.TYPE ->
          "  charter: "
              + p.path("projectName").asText()
              + ", "
              + p.path("entities").asInt()
              + (p.path("entities").asInt() == 1 ? " resource" : " resources")
              + ("offline".equals(p.path("planner").asText()) ? " (offline planner)" : "");
      case Fact.ArtifactArchitecture.TYPE ->
          "  architecture: "
              + p.path("files").size()
              + " files planned"
              + (p.has("feedback") ? " (with feedback)" : "");
      case Fact.CodeFile.TYPE ->
          "  wrote "
              + p.path("path").asText()
              + " ("
              + p.path("bytes").asInt()
              + " bytes"
              + (p.path("attempt").asInt(1) > 1 ? ", attempt " + p.path("attempt") : "")
              + ")";
      case Fact.CodeProgress.TYPE ->
          "  … " + p.path("path").asText() + ": " + p.path("chars").asLong() + " characters";
      case Fact.CodeRejected.TYPE ->
          "  ✗ not written: " + p.path("path").asText() + " — " + p.path("reason").asText();
      case Fact.CodeBundle.TYPE ->
          "  bundle v" + p.path("version").asInt() + ": " + p.path("files").asInt() + " files";
      case Fact.ReviewReport.TYPE -> review(p);
      case Fact.TestReport.TYPE -> tests(p);
      case Fact.DeployReady.TYPE -> "  deployed: " + p.path("url").asText();
      case Fact.DeployFailed.TYPE -> "  ✗ deploy failed: " + brief(p.path("reason").asText());
      case Fact.ReviewStuck.TYPE -> "  the same failure came back: rewriting the affected files";
      case Fact.LlmUsage.TYPE -> usage(p);
      case Fact.ApprovalRequested.TYPE -> "waiting for plan approval";
      case Fact.ApprovalDecided.TYPE ->
          p.path("approve").asBoolean()
              ? "plan approved"
              : "changes requested: " + p.path("feedback").asText();
      case Fact.ApprovalTimedOut.TYPE -> "approval timed out: " + p.path("action").asText();
      case Fact.BudgetExhausted.TYPE ->
          "budget exhausted at "
              + p.path("tokens").asLong()
              + " tokens, $"
              + p.path("costUsd").asDouble();
      case Fact.BudgetRaised.TYPE -> "budget raised";
      case Fact.BudgetStopped.TYPE -> "run stopped at the budget";
      case Fact.SandboxPlaced.TYPE ->
          p.hasNonNull("previousHost")
              ? "  sandbox moved to host "
                  + p.path("host").asText()
                  + " ("
                  + p.path("previousHost").asText()
                  + " stopped answering)"
              : "  sandbox host: " + p.path("host").asText();
      default -> null;
    };
  }

  private String review(JsonNode p) {
    StringBuilder line = new StringBuilder("  review round " + p.path("round").asInt() + ": ");
    line.append(
        p.path("approved").asBoolean()
            ? "approved"
            : p.path("blocking").asInt() + " blocking of " + p.path("issues").asInt() + " issues");
    for (JsonNode issue : p.path("top")) {
      if (issue.path("severity").asText().matches("BLOCKER|MAJOR")) {
        line.append("\n      ")
            .append(issue.path("severity").asText())
            .append(' ')
            .append(issue.path("file").asText())
            .append(':')
            .append(issue.path("line").asInt())
            .append(' ')
            .append(issue.path("message").asText());
      }
    }
    return line.toString();
  }

  private String tests(JsonNode p) {
    StringBuilder line = new StringBuilder("  sandbox checks: ");
    line.append(p.path("passed").asBoolean() ? "passed" : "FAILED")
        .append(" (")
        .append(p.path("testsRun").asInt() - p.path("testsFailed").asInt())
        .append(" of ")
        .append(p.path("testsRun").asInt())
        .append(" tests passed)");
    for (JsonNode failure : p.path("failures")) {
      line.append("\n      ")
          .append(failure.path("check").asText())
          .append(' ')
          .append(failure.path("file").asText("-"))
          .append(':')
          .append(failure.path("line").asInt())
          .append(' ')
          .append(brief(failure.path("message").asText()));
    }
    return line.toString();
  }

  private static String brief(String message) {
    String first = message.lines().findFirst().orElse("");
    return first.length() > 160 ? first.substring(0, 160) + "…" : first;
  }

  private String usage(JsonNode p) {
    tokens += p.path("promptTokens").asLong() + p.path("completionTokens").asLong();
    costUsd += p.path("costUsd").asDouble();
    return "  "
        + p.path("agent").asText()
        + " · "
        + p.path("model").asText()
        + ": "
        + p.path("promptTokens").asLong()
        + "+"
        + p.path("completionTokens").asLong()
        + " tokens in "
        + p.path("latencyMs").asLong()
        + " ms";
  }

  private String stamp() {
    long seconds = (System.nanoTime() - startedAt) / 1_000_000_000L;
    String time = String.format(Locale.ROOT, "[%02d:%02d", seconds / 60, seconds % 60);
    String spend =
        tokens > 0 ? String.format(Locale.ROOT, " · %,d tok · $%.4f", tokens, costUsd) : "";
    return time + spend + "] ";
  }

  static JsonNode parse(String json) {
    try {
      return json == null ? MissingNode.getInstance() : JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance();
    }
  }
}
