package dev.forgeflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgeflow.orchestrator.runs.RunRequest;
import dev.forgeflow.orchestrator.runs.RunRequestCheck;
import dev.forgeflow.orchestrator.settings.SettingsCheck;
import dev.forgeflow.workflows.artifacts.AgentModels;
import dev.forgeflow.workflows.pipeline.ApprovalTimeoutAction;
import dev.forgeflow.workflows.pipeline.PipelineOptions;
import dev.forgeflow.workflows.pipeline.SandboxMode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code forgeflow run "<description>"}: one pipeline run, started and followed live through the
 * server's HTTP API and event stream (the same ones the web UI uses), on the server {@link
 * ServerTarget} finds or starts.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the pipeline for a service description and write the project to disk.")
final class RunCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "DESCRIPTION", description = "What the service does.")
  String prompt;

  @Option(
      names = "--approve-plan",
      description = "Stop after Architecture and ask to approve the plan or give feedback.")
  boolean approvePlan;

  @Option(names = "--max-rounds", defaultValue = "3", description = "Review rounds at most.")
  int maxRounds;

  @Option(names = "--concurrency", defaultValue = "4", description = "Files written at once.")
  int concurrency;

  @Option(names = "--budget-tokens", defaultValue = "0", description = "Token budget (0: none).")
  long budgetTokens;

  @Option(names = "--budget-usd", defaultValue = "0", description = "Cost budget (0: none).")
  double budgetUsd;

  @Option(
      names = "--no-sandbox",
      description = "Skip the sandbox steps even when a Docker daemon answers.")
  boolean noSandbox;

  @Option(
      names = "--no-deploy",
      description = "End after the sandbox checks: tested, not deployed.")
  boolean noDeploy;

  @Option(
      names = "--project",
      defaultValue = "default",
      description =
          "The project the run belongs to (created if missing; default: ${DEFAULT-VALUE}).")
  String project;

  @Option(
      names = "--doc",
      paramLabel = "FILE",
      description =
          "A document (txt, md, pdf) to attach to the project before the run starts; the"
              + " Requirements agent reads it. Repeatable.")
  List<Path> documents = new ArrayList<>();

  @Option(
      names = "--detach",
      description = "Start the run and print its id without following it (needs a running server).")
  boolean detach;

  @Mixin OutOption output;

  @Override
  public Integer call() {
    PrintStream console = System.out;
    RunRequest request = new RunRequest(prompt, options());
    Optional<String> problem = RunRequestCheck.problem(request);
    if (problem.isPresent()) {
      throw CliProblem.badInput(sentence(problem.get()));
    }
    SettingsCheck.check(); // a wrong or unknown FORGEFLOW_* setting stops us here, in one line
    List<DocsCommands.LocalDocument> attached = DocsCommands.read(documents);
    if (!detach) {
      OutputFolder.check(output.out);
    }
    Optional<ServerTarget> found = ServerTarget.find(console, !detach);
    if (found.isEmpty()) {
      throw CliProblem.environment(
          "--detach needs a server that keeps running: start one with 'forgeflow serve', or set"
              + " FORGEFLOW_URL.");
    }
    try (ServerTarget server = found.get()) {
      try {
        return run(server, request, attached, console);
      } catch (ApiProblem refused) {
        if (server.stopping()) {
          return ExitCodes.CANCELLED;
        }
        throw refused.forCli();
      } catch (RuntimeException failed) {
        if (server.stopping()) {
          return ExitCodes.CANCELLED; // the interrupt is being handled; it reports the end
        }
        throw failed;
      }
    }
  }

  private int run(
      ServerTarget server,
      RunRequest request,
      List<DocsCommands.LocalDocument> attached,
      PrintStream console) {
    JsonNode info = server.api.get("/api/server");
    console.println("forgeflow · planner: " + info.path("planner").asText());
    console.println("forgeflow · sandbox: " + info.path("sandbox").asText());
    console.println("forgeflow · temporal: " + info.path("temporal").asText());
    String projectId = Projects.ensure(server.api, project);
    DocsCommands.attach(server.api, projectId, attached, console);
    JsonNode run =
        server.api.postWithHeaders(
            Map.of("Idempotency-Key", UUID.randomUUID().toString()),
            body(request.options()),
            "/api/projects/{id}/runs",
            projectId);
    String runId = run.path("id").asText();
    if (detach) {
      console.println(runId);
      return ExitCodes.APPROVED;
    }
    console.println("forgeflow · run " + runId);
    if (info.hasNonNull("temporalWeb")) {
      console.println(
          "forgeflow · Temporal Web: "
              + info.path("temporalWeb").asText()
              + "/namespaces/"
              + info.path("namespace").asText()
              + "/workflows/"
              + runId);
    }
    try (ApiRunPort runs = new ApiRunPort(server.api)) {
      BufferedReader input =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      RunFollower follower = new RunFollower(runs, new Terminal(console, input), output.out);
      CancelOnInterrupt.install(server::onInterrupt, runs, runId, follower, console);
      return follower.follow(runId, 0);
    }
  }

  private Map<String, Object> body(PipelineOptions options) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("prompt", prompt);
    body.put("approvalGate", options.approvalGate());
    body.put("maxReviewRounds", options.maxReviewRounds());
    body.put("implementerConcurrency", options.implementerConcurrency());
    body.put("budgetTokens", options.budgetTokens());
    body.put("budgetUsd", options.budgetUsd());
    body.put("sandbox", options.sandbox().name().toLowerCase(java.util.Locale.ROOT));
    return body;
  }

  private static String sentence(String reason) {
    return reason.endsWith(".") ? reason : reason + ".";
  }

  private PipelineOptions options() {
    return new PipelineOptions(
        approvePlan,
        Duration.ofDays(7),
        ApprovalTimeoutAction.REJECT,
        maxRounds,
        concurrency,
        budgetTokens,
        budgetUsd,
        AgentModels.DEFAULTS,
        noSandbox ? SandboxMode.OFF : noDeploy ? SandboxMode.CHECK : SandboxMode.DEPLOY);
  }
}
