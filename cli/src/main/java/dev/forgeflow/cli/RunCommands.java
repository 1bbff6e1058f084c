package dev.forgeflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The commands that read or steer one run through the server's API: show, approve, request changes,
 * cancel, list its files, diff two versions, download it.
 */
final class RunCommands {
  private RunCommands() {}

  /** Runs {@code body} against the server, with the server's refusals as CLI problems. */
  static int withServer(Function<ApiClient, Integer> body) {
    try (ServerTarget server = ServerTarget.connect(System.out)) {
      return body.apply(server.api);
    } catch (ApiProblem refused) {
      throw refused.forCli();
    }
  }

  /** The run id as given, checked to be one. */
  static String runId(String given) {
    try {
      return UUID.fromString(given.strip()).toString();
    } catch (IllegalArgumentException notAnId) {
      throw CliProblem.badInput(
          "'"
              + TerminalText.clean(given)
              + "' is not a run id; 'forgeflow runs' lists the runs and their ids.");
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show a run: its status, stage, round, cost and what it waits for.")
  static final class Show implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN", description = "The run's id.")
    String run;

    @Option(names = "--json", description = "Print the run as the API returns it.")
    boolean json;

    @Override
    public Integer call() {
      String id = runId(run);
      return withServer(
          api -> {
            JsonNode detail = api.get("/api/runs/{id}", id);
            PrintStream out = System.out;
            if (json) {
              out.println(detail.toPrettyString());
              return 0;
            }
            out.println("run      " + detail.path("id").asText());
            out.println("status   " + detail.path("status").asText());
            if (detail.hasNonNull("service")) {
              out.println("service  " + TerminalText.clean(detail.path("service").asText()));
            }
            out.println(
                "prompt   " + TerminalText.clean(firstLine(detail.path("prompt").asText())));
            out.println("created  " + detail.path("createdAt").asText());
            JsonNode state = detail.path("state");
            if (!state.isMissingNode()) {
              out.println(
                  String.format(
                      Locale.ROOT,
                      "stage    %s, round %d, bundle v%d",
                      state.path("stage").asText().toLowerCase(Locale.ROOT),
                      state.path("round").asInt(),
                      state.path("bundleVersion").asInt()));
              out.println(
                  String.format(
                      Locale.ROOT,
                      "usage    %d tokens, $%.4f",
                      state.path("tokens").asLong(),
                      state.path("costUsd").asDouble()));
              String awaiting = state.path("awaiting").asText("NOTHING");
              if (!awaiting.equals("NOTHING")) {
                out.println(
                    "waiting  for "
                        + (awaiting.equals("PLAN_APPROVAL")
                            ? "plan approval: forgeflow approve " + id
                            : "a budget decision"));
              }
            }
            if (detail.path("offlinePlanner").asBoolean()) {
              out.println("planner  offline planner — no model configured");
            }
            return 0;
          });
    }
  }

  @Command(
      name = "approve",
      mixinStandardHelpOptions = true,
      description = "Approve the plan of a run waiting at its approval gate.")
  static final class Approve implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN", description = "The run's id.")
    String run;

    @Override
    public Integer call() {
      String id = runId(run);
      return withServer(
          api -> {
            api.post(Map.of(), "/api/runs/{id}/approve", id);
            System.out.println("plan approved: run " + id + " goes on to implementation");
            return 0;
          });
    }
  }

  @Command(
      name = "request-changes",
      mixinStandardHelpOptions = true,
      description = "Ask Architecture to plan again, with feedback.")
  static final class RequestChanges implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN", description = "The run's id.")
    String run;

    @Parameters(index = "1", paramLabel = "FEEDBACK", description = "What to change in the plan.")
    String feedback;

    @Override
    public Integer call() {
      String id = runId(run);
      if (feedback == null || feedback.isBlank()) {
        throw CliProblem.badInput("Say what to change: forgeflow request-changes RUN \"…\".");
      }
      return withServer(
          api -> {
            api.post(Map.of("feedback", feedback), "/api/runs/{id}/request-changes", id);
            System.out.println("feedback sent: Architecture plans run " + id + " again");
            return 0;
          });
    }
  }

  @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a run.")
  static final class Cancel implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN", description = "The run's id.")
    String run;

    @Override
    public Integer call() {
      String id = runId(run);
      return withServer(
          api -> {
            api.post(Map.of(), "/api/runs/{id}/cancel", id);
            System.out.println("cancelling run " + id + "; it stops at its next step");
            return 0;
          });
    }
  }

  @Command(
      name = "files",
      mixinStandardHelpOptions = true,
      description = "List the files of a run's bundle version (the latest by default).")
  static final class FilesList implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN", description = "The run's id.")
    String run;

    @Option(names = "--version", defaultValue = "latest", description = "Bundle version (1, 2, …).")
    String version;

    @Override
    public Integer call() {
      String id = runId(run);
      return withServer(
          api -> {
            JsonNode files = api.get("/api/runs/{id}/versions/{v}/files", id, version);
            JsonNode list = files.isArray() ? files : files.path("files");
            for (JsonNode file : list) {
              System.out.println(
                  String.format(
                      Locale.ROOT,
                      "%8d  %s",
                      file.path("size").asLong(),
                      TerminalText.clean(file.path("path").asText())));
            }
            return 0;
          });
    }
  }

  @Command(
      name = "diff",
      mixinStandardHelpOptions = true,
      description = "Show the unified diff between two bundle versions of a run.")
  static final class Diff implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN", description = "The run's id.")
    String run;

    @Parameters(index = "1", paramLabel = "FROM", description = "The older version (1, 2, …).")
    int from;

    @Parameters(index = "2", paramLabel = "TO", description = "The newer version.")
    int to;

    @Override
    public Integer call() {
      String id = runId(run);
      return withServer(
          api -> {
            String diff = api.text("/api/runs/{id}/diff?from={from}&to={to}", id, from, to);
            System.out.print(TerminalText.clean(diff));
            System.out.flush();
            return 0;
          });
    }
  }

  @Command(
      name = "download",
      mixinStandardHelpOptions = true,
      description = "Download a run's project (its latest version) as a zip file.")
  static final class Download implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN", description = "The run's id.")
    String run;

    @Option(names = "--out", defaultValue = ".", description = "Folder the zip is written to.")
    Path out;

    @Override
    public Integer call() {
      String id = runId(run);
      return withServer(
          api -> {
            byte[] zip = api.bytes("/api/runs/{id}/download", id);
            Path file = out.resolve("forgeflow-" + id.substring(0, 8) + ".zip");
            try {
              Files.createDirectories(out);
              Files.write(file, zip);
            } catch (IOException e) {
              throw new UncheckedIOException("could not write " + file, e);
            }
            System.out.println(
                "wrote " + file.toAbsolutePath().normalize() + " (" + zip.length + " bytes)");
            return 0;
          });
    }
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    String line = newline < 0 ? text : text.substring(0, newline) + " …";
    return line.length() > 120 ? line.substring(0, 119) + "…" : line;
  }
}
