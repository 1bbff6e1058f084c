package dev.forgeflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code forgeflow ask <project> "<question>"}: a question about a project's generated code. With a
 * model, its answer citing {@code file:line}; offline, the passages that match best with their
 * file, lines and score.
 */
@Command(
    name = "ask",
    mixinStandardHelpOptions = true,
    description = "Ask a question about a project's generated code.")
final class AskCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "PROJECT", description = "The project's name.")
  String project;

  @Parameters(index = "1", paramLabel = "QUESTION", description = "What you want to know.")
  String question;

  @Option(names = "--run", description = "The run whose code to ask about (default: the newest).")
  String run;

  @Option(names = "--version", description = "The code version of that run (default: its newest).")
  Integer version;

  @Option(names = "--json", description = "Print the answer as the API returns it.")
  boolean json;

  @Override
  public Integer call() {
    if (question.isBlank()) {
      throw CliProblem.badInput("Ask a question: forgeflow ask PROJECT \"where is …?\".");
    }
    if (question.length() > 2_000) {
      throw CliProblem.badInput("A question may be at most 2000 characters.");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("question", question);
    if (run != null) {
      body.put("runId", RunCommands.runId(run));
    }
    if (version != null) {
      body.put("version", version);
    }
    return RunCommands.withServer(
        api -> {
          JsonNode answer = api.post(body, "/api/projects/{id}/ask", Projects.find(api, project));
          print(answer, System.out);
          return 0;
        });
  }

  private void print(JsonNode answer, PrintStream out) {
    if (json) {
      out.println(answer.toPrettyString());
      return;
    }
    out.println(
        "forgeflow · run "
            + answer.path("runId").asText()
            + ", code version "
            + answer.path("version").asInt());
    if (answer.hasNonNull("answer")) {
      out.println();
      out.println(TerminalText.clean(answer.path("answer").asText()));
      out.println();
      out.println("from:");
    } else {
      out.println("offline planner — no model configured: the passages that match best");
    }
    for (JsonNode source : answer.path("sources")) {
      out.println();
      out.println(
          String.format(
              Locale.ROOT,
              "%s:%d-%d  (score %.2f)",
              TerminalText.clean(source.path("path").asText()),
              source.path("startLine").asInt(),
              source.path("endLine").asInt(),
              source.path("score").asDouble()));
      int line = source.path("startLine").asInt();
      for (String text : source.path("text").asText().split("\n", -1)) {
        out.println(String.format(Locale.ROOT, "%5d | %s", line++, TerminalText.clean(text)));
      }
    }
  }
}
